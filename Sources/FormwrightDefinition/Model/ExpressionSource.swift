public import FormwrightCore

/// The text of an expression as written in the app file, with the scalar holding it.
///
/// The expression may be only part of its scalar: a value slot's text after its leading `=`, or
/// one `{{ … }}` hole of a message. `contentOffset` says where, so positions inside the
/// expression map back to the file (see `ScalarTextMap`).
public struct ExpressionSource: Sendable, Hashable {
    /// The expression text (without a leading `=` for value slots).
    public var text: String
    /// Where the whole scalar holding the expression stands.
    public var range: SourceRange
    /// How the scalar was written, which decides how its text maps back to the file.
    public var style: YAMLNode.ScalarStyle
    /// How many scalars of the scalar's text come before the expression.
    public var contentOffset: Int

    /// Creates an expression source.
    ///
    /// - Parameters:
    ///   - text: the expression text.
    ///   - range: the range of the scalar holding it.
    ///   - style: how that scalar was written.
    ///   - contentOffset: the number of scalars of the scalar's text before the expression.
    public init(text: String, range: SourceRange, style: YAMLNode.ScalarStyle = .plain, contentOffset: Int = 0) {
        self.text = text
        self.range = range
        self.style = style
        self.contentOffset = contentOffset
    }
}
