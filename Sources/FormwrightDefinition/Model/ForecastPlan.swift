/// The traditional plan of a forecast's dual track: a table of planned values per group and period.
public struct ForecastPlan: Sendable {
    /// The table holding the plan.
    public var table: Located<String>
    /// The number or money field holding a planned value.
    public var value: Located<String>
    /// The date or datetime field putting a planned value in a period.
    public var date: Located<String>
    /// The fields matching planned values to groups, a subset of the target's `by` by name.
    public var groupBy: [Located<String>]

    /// Creates a plan.
    public init(table: Located<String>, value: Located<String>, date: Located<String>, groupBy: [Located<String>]) {
        self.table = table
        self.value = value
        self.date = date
        self.groupBy = groupBy
    }
}
