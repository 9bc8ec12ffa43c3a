public import FormwrightStorage

/// What a records filter becomes on its way to storage: a condition the backend evaluates, and
/// whether the CEL filter must still be evaluated on the records that meet it.
///
/// When ``isComplete`` is true, ``condition`` selects exactly the records the filter holds for,
/// and nothing is evaluated in memory. Otherwise ``condition`` (possibly nil) holds for every
/// record the filter holds for — it is made of the conjuncts of a top-level `&&` chain that
/// could be translated — and only narrows the records the filter is then evaluated on.
public struct FilterTranslation: Sendable, Hashable {
    /// The condition the backend evaluates; nil when none of the filter could be translated.
    public var condition: RecordCondition?
    /// Whether the condition is the whole filter, so no record needs evaluating in memory.
    public var isComplete: Bool

    /// Creates a translation.
    ///
    /// - Parameters:
    ///   - condition: the condition for the backend.
    ///   - isComplete: whether it is the whole filter.
    public init(condition: RecordCondition?, isComplete: Bool) {
        self.condition = condition
        self.isComplete = isComplete
    }
}
