public import FormwrightCore

/// The text of an expression as written in the app file, with the range of the scalar holding it.
public struct ExpressionSource: Sendable, Hashable {
    /// The expression text (without a leading `=` for value slots).
    public var text: String
    /// Where the whole scalar holding the expression stands.
    public var range: SourceRange

    /// Creates an expression source.
    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}
