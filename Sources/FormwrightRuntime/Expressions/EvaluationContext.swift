public import FormwrightCore

/// What expressions see besides the record: when the write happens and who makes it.
public struct EvaluationContext: Sendable {
    /// The time of the write: `now` in every expression of it, and the record's `updated_at`.
    public var now: Timestamp
    /// Who acts, as a map (`user.name`, `user.roles`, …); empty for an anonymous caller.
    public var user: Value

    /// Creates a context; by default the current time and an anonymous caller.
    public init(now: Timestamp = .now, user: Value = .map(ValueMap())) {
        self.now = now
        self.user = user
    }
}
