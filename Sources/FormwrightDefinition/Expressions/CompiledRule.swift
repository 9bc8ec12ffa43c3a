public import FormwrightExpressions

/// A table or form rule ready to evaluate: its condition and its message.
public struct CompiledRule: Sendable {
    /// The rule as written.
    public var rule: Rule
    /// The condition; the rule holds when it gives `true`.
    public var check: Program
    /// The message shown when it does not hold.
    public var message: CompiledMessage

    /// Creates a compiled rule.
    public init(rule: Rule, check: Program, message: CompiledMessage) {
        self.rule = rule
        self.check = check
        self.message = message
    }
}
