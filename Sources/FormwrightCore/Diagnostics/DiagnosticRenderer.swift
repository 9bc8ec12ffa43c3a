/// Renders diagnostics for people (`path:line:col: error: message`, the line, a caret) or as JSON.
public struct DiagnosticRenderer: Sendable {
    /// The source files by path, used to show the offending line.
    public var sources: [String: SourceFile]
    /// At most this many diagnostics are shown in text; the rest are counted.
    public var limit: Int

    /// Creates a renderer.
    /// - Parameters:
    ///   - sources: the files diagnostics may point into, by path.
    ///   - limit: how many diagnostics text output shows before summarising the rest.
    public init(sources: [SourceFile] = [], limit: Int = 50) {
        self.sources = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.limit = limit
    }

    /// Text output: each diagnostic with its source line and caret, sorted, capped, then a summary.
    public func text(_ diagnostics: [Diagnostic]) -> String {
        let sorted = diagnostics.sorted(by: Diagnostic.presentationOrder)
        var out = ""
        for diagnostic in sorted.prefix(limit) {
            out += render(diagnostic)
        }
        if sorted.count > limit {
            out += "… and \(sorted.count - limit) more not shown\n"
        }
        out += summary(sorted)
        return out
    }

    /// One diagnostic: its header line, then the source line with a caret under the range.
    public func render(_ diagnostic: Diagnostic) -> String {
        let start = diagnostic.range.start
        var out = "\(diagnostic.file):\(start.line):\(start.column): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        guard let source = sources[diagnostic.file], start.line <= source.lineStarts.count else { return out }
        let line = source.line(start.line)
        let gutter = String(start.line)
        let pad = String(repeating: " ", count: gutter.count)
        out += " \(gutter) | \(line.replacingTabs())\n"
        let lineLength = line.unicodeScalars.count
        let caretColumn = min(start.column - 1, lineLength)
        let sameLine = diagnostic.range.end.line == start.line
        let width = sameLine ? max(1, min(diagnostic.range.end.column - start.column, lineLength - caretColumn)) : 1
        let prefix = line.unicodeScalars.prefix(caretColumn).map { $0.isWide ? "  " : " " }.joined()
        out += " \(pad) | \(prefix)^\(String(repeating: "~", count: max(0, width - 1)))\n"
        return out
    }

    /// `2 errors, 1 warning` or `no problems found`.
    public func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors == 0, warnings == 0 { return "no problems found\n" }
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.joined(separator: ", ") + "\n"
    }

    /// The contract's JSON: an array of `{"file","line","column","severity","id","message"}`, sorted.
    public func json(_ diagnostics: [Diagnostic]) -> String {
        let sorted = diagnostics.sorted(by: Diagnostic.presentationOrder)
        let items = sorted.map { diagnostic in
            "{\"file\":\(JSONText.quote(diagnostic.file)),\"line\":\(diagnostic.range.start.line),"
                + "\"column\":\(diagnostic.range.start.column),\"severity\":\(JSONText.quote(diagnostic.severity.rawValue)),"
                + "\"id\":\(JSONText.quote(diagnostic.id)),\"message\":\(JSONText.quote(diagnostic.message))}"
        }
        return "[" + items.joined(separator: ",\n ") + "]\n"
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}

extension Unicode.Scalar {
    /// Whether a terminal shows this scalar two columns wide (East Asian wide and full-width forms).
    fileprivate var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
