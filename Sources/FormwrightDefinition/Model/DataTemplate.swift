public import FormwrightCore

/// A data slot written in the app file (`with`, `body`, `headers`, `output`): data at any depth,
/// where a scalar starting with `=` is a computed value instead.
///
/// Plain scalars are typed by the language's own rules: `true` and `false` are booleans, plain
/// decimal notation is a number (`12` an integer, `0.5` a double), and anything else, quoted
/// scalars included, is text. An empty plain scalar is `null`.
public struct DataTemplate: Sendable {
    /// What the slot holds.
    public indirect enum Content: Sendable {
        /// Plain data.
        case literal(Value)
        /// A CEL expression (the text after the `=`).
        case expression(ExpressionSource)
        /// A list whose items are slots themselves.
        case list([DataTemplate])
        /// A mapping whose values are slots themselves, in the order written.
        case map([(key: Located<String>, value: DataTemplate)])
    }

    /// What the slot holds.
    public var content: Content
    /// Where it was written.
    public var range: SourceRange

    /// Creates a slot.
    public init(_ content: Content, at range: SourceRange) {
        self.content = content
        self.range = range
    }
}
