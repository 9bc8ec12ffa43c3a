public import FormwrightCore

/// A scalar read from the app file: its text after unquoting, where it stands and how it was written.
public struct ScalarSource: Sendable, Hashable {
    /// The text, as YAML reads it.
    public var text: String
    /// Where the scalar stands, quotes and block header included.
    public var range: SourceRange
    /// How it was written.
    public var style: YAMLNode.ScalarStyle

    /// Creates a scalar source.
    public init(text: String, range: SourceRange, style: YAMLNode.ScalarStyle) {
        self.text = text
        self.range = range
        self.style = style
    }
}
