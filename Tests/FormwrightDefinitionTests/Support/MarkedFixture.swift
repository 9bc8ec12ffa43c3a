import FormwrightCore
import Foundation

/// A fixture app file whose expected diagnostic positions are marked inline with keycap emoji
/// (`name: { 1️⃣requird: true }`); the markers are removed before the file is loaded.
struct MarkedFixture {
    /// The file's text without markers.
    let text: String
    /// Each marker's location in the unmarked text.
    let markers: [String: SourceLocation]

    init(marked: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [String: Int] = [:]
        let input = Array(marked.unicodeScalars)
        var index = 0
        while index < input.count {
            if index + 2 < input.count, ("0"..."9").contains(input[index]), input[index + 1] == "\u{FE0F}", input[index + 2] == "\u{20E3}" {
                offsets[String(input[index])] = scalars.count
                index += 3
                continue
            }
            scalars.append(input[index])
            index += 1
        }
        text = String(String.UnicodeScalarView(scalars))
        let file = SourceFile(path: "", text: text)
        markers = offsets.mapValues { file.location(ofOffset: $0) }
    }
}

/// One expected diagnostic, read from a fixture's `expected.txt` line:
/// `1 error definition.unknownKey did you mean 'required'` (the text after the ID must appear in the message).
struct ExpectedDiagnostic: CustomStringConvertible {
    var marker: String
    var severity: Severity
    var id: String
    var messageExcerpt: String

    static func parse(_ text: String) -> [ExpectedDiagnostic] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
            guard parts.count >= 3, let marker = parts[0].unicodeScalars.first, let severity = Severity(rawValue: parts[1]) else { return nil }
            return ExpectedDiagnostic(marker: String(marker), severity: severity, id: parts[2], messageExcerpt: parts.count > 3 ? parts[3] : "")
        }
    }

    var description: String { "\(marker) \(severity.rawValue) \(id) \(messageExcerpt)" }
}

/// Where the test files live in the source tree.
enum TestPaths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
}
