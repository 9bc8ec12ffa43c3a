/// A condition that must hold for a record or a submission, with the message shown when it does not.
public struct Rule: Sendable, Hashable {
    /// The CEL condition.
    public var check: ExpressionSource
    /// The message, which may hold `{{ expr }}` holes.
    public var message: LocalizedText
}
