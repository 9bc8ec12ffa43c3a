public import FormwrightCore

/// A YAML node with the range it came from: a scalar kept as text, a mapping or a sequence.
///
/// Scalars are never typed by YAML's rules; the language decides what `no` or `012` means
/// from the key that holds it.
public struct YAMLNode: Sendable {
    /// What the node holds.
    public enum Content: Sendable {
        /// A scalar's text, exactly as written after unquoting, and how it was written.
        case scalar(String, ScalarStyle)
        /// A mapping's entries in source order; keys are scalars.
        case mapping([Entry])
        /// A sequence's items in source order.
        case sequence([YAMLNode])
    }

    /// How a scalar was written.
    public enum ScalarStyle: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// One key–value pair of a mapping.
    public struct Entry: Sendable {
        /// The key's text.
        public var key: String
        /// Where the key stands.
        public var keyRange: SourceRange
        /// The value.
        public var value: YAMLNode
    }

    /// What the node holds.
    public var content: Content
    /// Where the node stands, from its first character to just after its last.
    public var range: SourceRange

    /// Creates a node.
    public init(_ content: Content, range: SourceRange) {
        self.content = content
        self.range = range
    }

    /// The scalar text, if this is a scalar.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Whether this is a plain scalar with no text (`key:` with nothing after it), YAML's null.
    public var isEmptyPlainScalar: Bool {
        if case .scalar(let text, .plain) = content { return text.isEmpty || text == "~" || text == "null" }
        return false
    }

    /// The entries, if this is a mapping.
    public var entries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The items, if this is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value for a key, if this is a mapping holding it.
    public subscript(key: String) -> YAMLNode? {
        entries?.first { $0.key == key }?.value
    }

    /// The file position of a scalar offset within this scalar's text, exact for single-line
    /// scalars without escapes; the scalar's start otherwise.
    public func location(ofTextOffset offset: Int) -> SourceLocation {
        guard case .scalar(let text, let style) = content, range.start.line == range.end.line,
            style != .literal, style != .folded, !(style == .doubleQuoted && text.contains("\\")),
            !(style == .singleQuoted && text.contains("'"))
        else { return range.start }
        let skip = style == .plain ? 0 : 1
        let clamped = min(max(offset, 0), text.unicodeScalars.count)
        return SourceLocation(line: range.start.line, column: range.start.column + skip + clamped, offset: range.start.offset + skip + clamped)
    }

    /// A word for the node's kind, for messages: "text", "a mapping", "a list".
    public var kindDescription: String {
        switch content {
        case .scalar: isEmptyPlainScalar ? "nothing" : "text"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}
