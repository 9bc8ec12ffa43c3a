/// What a forecast forecasts: one table's measure, per period of a date field and per group.
public struct ForecastTarget: Sendable {
    /// The table whose records are aggregated.
    public var table: Located<String>
    /// What is aggregated per group and period.
    public var measure: ForecastMeasure
    /// The date or datetime field that puts a record in a period (in the app's time zone).
    public var date: Located<String>
    /// The fields whose values make the groups (choice, text or link fields), in the order written; empty for one group.
    public var groupBy: [Located<String>]
    /// A condition on the table's fields selecting the records that count; nil for all.
    public var filter: ExpressionSource?

    /// Creates a target.
    public init(
        table: Located<String>, measure: ForecastMeasure, date: Located<String>, groupBy: [Located<String>], filter: ExpressionSource?
    ) {
        self.table = table
        self.measure = measure
        self.date = date
        self.groupBy = groupBy
        self.filter = filter
    }
}
