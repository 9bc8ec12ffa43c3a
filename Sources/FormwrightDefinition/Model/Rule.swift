/// A condition that must hold for a record or a submission, with the message shown when it does not.
public struct Rule: Sendable, Hashable {
    /// The CEL condition.
    public var check: ExpressionSource
    /// The message, which may hold `{{ expr }}` holes.
    public var message: LocalizedText
    /// The scalar of each translation of `message`, in the same order, for placing problems in its holes.
    public var messageSources: [ScalarSource]

    /// Creates a rule.
    public init(check: ExpressionSource, message: LocalizedText, messageSources: [ScalarSource] = []) {
        self.check = check
        self.message = message
        self.messageSources = messageSources
    }
}
