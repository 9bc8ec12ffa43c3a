public import FormwrightExpressions

/// The compiled expressions of one forecast.
///
/// Names there: the target's `filter` and a weighted pipeline's `open` see the target table's
/// fields, as table conditions do; a scenario change's `where` sees the forecast's group fields
/// (its `by`) by name, each a string (a link field's value is the linked record's id).
public struct ForecastExpressions: Sendable {
    /// The target's `filter`: a record counts only when it gives true.
    public var filter: Program?
    /// The weighted pipeline's `open`: a record is in the pipeline only when it gives true.
    public var open: Program?
    /// The `where` of each scenario's changes, by scenario name, in the order of its changes; nil for a change without one.
    public var scenarios: [String: [Program?]] = [:]

    /// Creates an empty set.
    public init() {}
}
