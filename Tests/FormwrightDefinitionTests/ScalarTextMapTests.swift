import FormwrightCore
import FormwrightDefinition
import Testing

/// Offsets in a scalar's text map back to the file through every way of writing a scalar.
@Suite struct ScalarTextMapTests {
    /// Reads `key: <scalar>` and returns the map with the file, finding where `needle` is in the text.
    static func locate(_ yaml: String, _ needle: String) throws -> (map: ScalarTextMap, offset: Int, file: SourceFile) {
        let file = SourceFile(path: "t.yaml", text: yaml)
        let root = try #require(YAMLReader().read(file).node)
        let node = try #require(root["key"])
        guard case .scalar(let text, let style) = node.content else { throw ScalarError.notAScalar }
        let scalars = Array(text.unicodeScalars)
        let wanted = Array(needle.unicodeScalars)
        let offset = try #require((0...(scalars.count - wanted.count)).first { Array(scalars[$0..<($0 + wanted.count)]) == wanted })
        return (ScalarTextMap(file: file, range: node.range, style: style, text: text), offset, file)
    }

    enum ScalarError: Error { case notAScalar }

    /// The text at the mapped location must start with `needle` in the file itself.
    static func expectExact(_ yaml: String, _ needle: String, line: Int) throws {
        let (map, offset, file) = try locate(yaml, needle)
        #expect(map.isExact, "not exact for \(yaml)")
        let location = map.location(ofTextOffset: offset)
        #expect(location.line == line)
        let rest = String(String.UnicodeScalarView(file.scalars[location.offset...].prefix(needle.unicodeScalars.count)))
        #expect(rest == needle, "\(yaml): found '\(rest)' at \(location)")
    }

    @Test func plainMultiLine() throws {
        try Self.expectExact("key: a ==\n  b && target\n", "target", line: 2)
    }

    @Test func doubleQuotedEscapesAndFolding() throws {
        try Self.expectExact("key: \"x != \\\"\\u00e9\\t\\\" && target\"\n", "target", line: 1)
        try Self.expectExact("key: \"first line\n\n  second \\\n  target\"\n", "target", line: 4)
    }

    @Test func singleQuotedDoubledQuotes() throws {
        try Self.expectExact("key: 'it''s ''x'' && target'\n", "target", line: 1)
    }

    @Test func literalBlockKeepsLinesAndIndentation() throws {
        try Self.expectExact("key: |\n  a &&\n    (b ||\n     target)\nother: 1\n", "target", line: 4)
        try Self.expectExact("key: |-\n  a\n\n  target\n", "target", line: 4)
    }

    @Test func foldedBlockJoinsLines() throws {
        try Self.expectExact("key: >\n  a &&\n  b &&\n\n  target\n", "target", line: 5)
        try Self.expectExact("key: >-\n  a\n    more\n  target\n", "target", line: 4)
    }

    @Test func aMismatchFallsBackToTheScalarStart() {
        let file = SourceFile(path: "t.yaml", text: "key: abc\n")
        let range = SourceRange(start: SourceLocation(line: 1, column: 6, offset: 5), end: SourceLocation(line: 1, column: 9, offset: 8))
        let map = ScalarTextMap(file: file, range: range, style: .plain, text: "something else")
        #expect(!map.isExact)
        #expect(map.location(ofTextOffset: 4) == range.start)
    }
}
