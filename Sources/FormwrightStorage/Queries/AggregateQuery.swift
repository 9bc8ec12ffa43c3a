/// A request to group a table's records and summarise each group, answered by the backend
/// itself (SQL `GROUP BY` on SQLite and PostgreSQL).
///
/// Groups come back ordered by their keys, ascending, empty keys first — the order
/// ``ColumnValue`` defines — so every backend returns the same rows in the same order.
public struct AggregateQuery: Sendable, Hashable {
    /// The table to read.
    public var table: String
    /// Which records count; nil for all.
    public var condition: RecordCondition?
    /// What the records are grouped by, in order; empty for one group of all the records, which
    /// is answered even when no record counts (a count of 0, other measures `.null`), as SQL
    /// answers an aggregate without `GROUP BY`.
    public var groups: [AggregateGroup]
    /// What is computed for each group, in order.
    public var measures: [AggregateMeasure]
    /// The time zone that date periods of timestamp fields are taken in: a name of the time zone
    /// database (`Europe/Berlin`, `UTC`); any other name is an `invalidQuery` error.
    public var timeZone: String
    /// The most groups the answer may hold; more is an error rather than a partial answer.
    public var groupLimit: Int

    /// The most groups one query returns; more is an error, not a silent cut.
    public static let maximumGroups = 10_000

    /// Creates a query.
    ///
    /// - Parameters:
    ///   - table: the table to read.
    ///   - condition: which records count; nil for all.
    ///   - groups: the grouping keys, in order.
    ///   - measures: what to compute for each group.
    ///   - timeZone: the IANA zone in which timestamps fall into days, weeks and months.
    public init(
        table: String, condition: RecordCondition? = nil, groups: [AggregateGroup] = [], measures: [AggregateMeasure],
        timeZone: String = "UTC", groupLimit: Int = AggregateQuery.maximumGroups
    ) {
        self.table = table
        self.condition = condition
        self.groups = groups
        self.measures = measures
        self.timeZone = timeZone
        self.groupLimit = groupLimit
    }
}

/// One key records are grouped by.
public enum AggregateGroup: Sendable, Hashable {
    /// The field's stored value.
    case field(String)
    /// The calendar period a date or timestamp field falls in, as the date the period starts
    /// (`.text("YYYY-MM-DD")`): the day itself, the Monday of its ISO week, the first of its month.
    case period(String, DatePeriod)
}

/// A span of the calendar records are grouped into.
public enum DatePeriod: String, Sendable, Hashable, CaseIterable {
    /// One calendar day.
    case day
    /// One ISO 8601 week, Monday to Sunday.
    case week
    /// One calendar month.
    case month
}

/// One figure computed over each group.
public enum AggregateMeasure: Sendable, Hashable {
    /// How many records the group holds.
    case count
    /// The sum of a numeric field's non-empty values: exact integers for integer and money
    /// fields (overflow is an error), a float for number fields; `.null` when all are empty.
    case sum(String)
    /// The mean of a numeric field's non-empty values as a float; `.null` when all are empty.
    /// A money field's mean is in minor units, as its values are stored (`1234.5` for 12.345).
    case average(String)
    /// The smallest non-empty stored value of a sortable field; `.null` when all are empty.
    case minimum(String)
    /// The largest non-empty stored value of a sortable field; `.null` when all are empty.
    case maximum(String)
}

/// One group of an aggregate query's answer.
public struct AggregateRow: Sendable, Hashable {
    /// The group's key values, one per ``AggregateQuery/groups`` entry, as stored.
    public var keys: [ColumnValue]
    /// The computed figures, one per ``AggregateQuery/measures`` entry, as stored values.
    public var values: [ColumnValue]

    /// Creates a row.
    public init(keys: [ColumnValue], values: [ColumnValue]) {
        self.keys = keys
        self.values = values
    }
}
