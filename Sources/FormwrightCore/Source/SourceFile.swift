/// A source text with its path, able to map offsets to lines and columns and to show a line.
public struct SourceFile: Sendable {
    /// The path shown in diagnostics.
    public let path: String
    /// The whole text.
    public let text: String
    /// The text as Unicode scalars, indexed by offset.
    public let scalars: [Unicode.Scalar]
    /// The scalar offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    /// Creates a source file from its path and text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        let scalars = Array(text.unicodeScalars)
        self.scalars = scalars
        var starts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The location of a scalar offset (clamped to the text).
    public func location(ofOffset offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), scalars.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(line: low + 1, column: clamped - lineStarts[low] + 1, offset: clamped)
    }

    /// The text of a 1-based line, without its line break; empty past the end.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : scalars.count
        if end > start, scalars[end - 1] == "\r" { end -= 1 }
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars[start..<max(start, end)])
        return String(line)
    }

    /// The scalars of a range, as a string.
    public func text(in range: SourceRange) -> String {
        let start = min(max(range.start.offset, 0), scalars.count)
        let end = min(max(range.end.offset, start), scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
