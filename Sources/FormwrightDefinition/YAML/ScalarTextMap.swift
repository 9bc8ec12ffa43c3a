public import FormwrightCore

/// Maps offsets in a scalar's text — after unquoting, unescaping and folding — back to positions
/// in the file, by rescanning the scalar's source the way YAML reads it.
///
/// libyaml reports only where a scalar starts and ends; an expression inside `"…\t…"`, `'it''s'`
/// or a `|` block needs every character's own place. The rescan rebuilds the text and is trusted
/// only when it reproduces exactly what the reader produced; otherwise every offset maps to the
/// scalar's start, which is never wrong, only less precise.
public struct ScalarTextMap: Sendable {
    /// The file offset of each scalar of the text, then one past the last.
    private let offsets: [Int]
    private let fallback: SourceLocation
    private let file: SourceFile
    /// What the scalar's offsets exceed the file's by: nonzero for a template's node in a merged app (see `SourceOrigin`).
    private let base: Int

    /// Builds the map for one scalar.
    ///
    /// - Parameters:
    ///   - file: the file the scalar was read from.
    ///   - range: where the scalar stands.
    ///   - style: how it was written.
    ///   - text: its text as the reader produced it.
    public init(file: SourceFile, range: SourceRange, style: YAMLNode.ScalarStyle, text: String) {
        self.file = file
        fallback = range.start
        base = SourceOrigin.index(of: range) * SourceOrigin.stride
        var scanner = ScalarRescanner(
            scalars: file.scalars, start: range.start.offset - base, end: min(range.end.offset - base, file.scalars.count))
        switch style {
        case .plain: scanner.scanPlain()
        case .singleQuoted: scanner.scanQuoted(escapes: false)
        case .doubleQuoted: scanner.scanQuoted(escapes: true)
        case .literal: scanner.scanBlock(folded: false)
        case .folded: scanner.scanBlock(folded: true)
        }
        let expected = Array(text.unicodeScalars)
        var produced = scanner.output
        var positions = scanner.positions
        if style == .literal || style == .folded {
            // Chomping decides the final line breaks; they hold no expression text, so compare without them.
            while produced.last == "\n", produced.count > expected.count {
                produced.removeLast()
                positions.removeLast()
            }
        }
        if produced == expected {
            offsets = positions + [scanner.endOffset]
        } else {
            offsets = []
        }
    }

    /// Whether the rescan reproduced the text, so that locations are exact.
    public var isExact: Bool { !offsets.isEmpty }

    /// The file location of a 0-based scalar offset within the text; the scalar's start when the map is not exact.
    public func location(ofTextOffset offset: Int) -> SourceLocation {
        guard !offsets.isEmpty else { return fallback }
        return located(offsets[min(max(offset, 0), offsets.count - 1)])
    }

    /// The file range covering a range of text offsets.
    public func range(ofText range: Range<Int>) -> SourceRange {
        let start = location(ofTextOffset: range.lowerBound)
        guard !offsets.isEmpty, range.upperBound > range.lowerBound else { return SourceRange(at: start) }
        let last = offsets[min(max(range.upperBound - 1, 0), offsets.count - 1)]
        return SourceRange(start: start, end: located(last + 1))
    }

    private func located(_ offset: Int) -> SourceLocation {
        SourceOrigin.moved(file.location(ofOffset: offset), by: base)
    }
}

/// Rebuilds a scalar's text from its source, remembering where each produced scalar came from.
struct ScalarRescanner {
    let scalars: [Unicode.Scalar]
    var index: Int
    let end: Int
    var output: [Unicode.Scalar] = []
    var positions: [Int] = []
    var endOffset: Int

    init(scalars: [Unicode.Scalar], start: Int, end: Int) {
        self.scalars = scalars
        self.index = max(0, min(start, end))
        self.end = end
        self.endOffset = end
    }

    mutating func emit(_ scalar: Unicode.Scalar, at offset: Int) {
        output.append(scalar)
        positions.append(offset)
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" }

    /// Folds a run of blanks and line breaks starting at `index` when it holds a break:
    /// one break becomes a space, `n` breaks become `n - 1` newlines. Returns false, consuming nothing, when there is no break.
    mutating func foldLineBreaks() -> Bool {
        var cursor = index
        while cursor < end, Self.isBlank(scalars[cursor]) { cursor += 1 }
        guard cursor < end, Self.isBreak(scalars[cursor]) else { return false }
        var breaks = 0
        while cursor < end, Self.isBlank(scalars[cursor]) || Self.isBreak(scalars[cursor]) {
            if scalars[cursor] == "\n" { breaks += 1 }
            cursor += 1
        }
        if breaks == 1 {
            emit(" ", at: cursor)
        } else {
            for _ in 1..<max(breaks, 2) { emit("\n", at: cursor) }
        }
        index = cursor
        return true
    }

    mutating func scanPlain() {
        while index < end {
            let scalar = scalars[index]
            if Self.isBlank(scalar) || Self.isBreak(scalar), foldLineBreaks() { continue }
            emit(scalar, at: index)
            index += 1
        }
    }

    mutating func scanQuoted(escapes: Bool) {
        let closing = end - 1
        endOffset = max(closing, index)
        index += 1
        while index < closing {
            let scalar = scalars[index]
            if !escapes, scalar == "'", index + 1 < closing, scalars[index + 1] == "'" {
                emit("'", at: index)
                index += 2
            } else if escapes, scalar == "\\", index + 1 < closing {
                scanEscape()
            } else if Self.isBlank(scalar) || Self.isBreak(scalar), foldLineBreaks() {
                continue
            } else {
                emit(scalar, at: index)
                index += 1
            }
        }
    }

    private static let simpleEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "0": "\u{0}", "a": "\u{7}", "b": "\u{8}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{B}", "f": "\u{C}", "r": "\r",
        "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}", "L": "\u{2028}", "P": "\u{2029}",
    ]

    /// One escape sequence of a double-quoted scalar, `index` at its backslash.
    mutating func scanEscape() {
        let start = index
        let kind = scalars[index + 1]
        if Self.isBreak(kind) {
            // An escaped line break joins the lines, dropping the next line's indentation.
            index += 2
            if kind == "\r", index < end, scalars[index] == "\n" { index += 1 }
            while index < end, Self.isBlank(scalars[index]) { index += 1 }
            return
        }
        if let simple = Self.simpleEscapes[kind] {
            emit(simple, at: start)
            index += 2
            return
        }
        let digits = kind == "x" ? 2 : kind == "u" ? 4 : kind == "U" ? 8 : 0
        var value: UInt32 = 0
        var cursor = index + 2
        while cursor < index + 2 + digits, cursor < end, let digit = Self.hexValue(scalars[cursor]) {
            value = value &* 16 &+ digit
            cursor += 1
        }
        emit(Unicode.Scalar(value) ?? "\u{FFFD}", at: start)
        index = max(cursor, index + 2)
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 48
        case "a"..."f": scalar.value - 87
        case "A"..."F": scalar.value - 55
        default: nil
        }
    }
}
