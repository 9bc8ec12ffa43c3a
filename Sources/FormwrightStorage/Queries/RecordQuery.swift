public import FormwrightCore

/// A request for one page of a table's records: which records, in what order, from where.
public struct RecordQuery: Sendable, Hashable {
    /// The table to read.
    public var table: String
    /// Fields and the values they must equal; `.null` matches empty fields. All must match.
    public var filters: [String: Value]
    /// A further condition the records must meet, evaluated by the backend; nil for none.
    public var condition: RecordCondition?
    /// The order of the records.
    public var sort: RecordSort
    /// How many records a page holds at most, `1...maximumLimit`.
    public var limit: Int
    /// The `next` cursor of the previous page, or nil for the first page.
    public var after: String?

    /// The largest page a query may ask for.
    public static let maximumLimit = 10_000

    /// Creates a query.
    ///
    /// - Parameters:
    ///   - table: the table to read.
    ///   - filters: fields and the values they must equal.
    ///   - condition: a further condition the records must meet.
    ///   - sort: the order of the records; by id when not given.
    ///   - limit: how many records a page holds at most.
    ///   - after: the previous page's `next` cursor.
    public init(table: String, filters: [String: Value] = [:], condition: RecordCondition? = nil, sort: RecordSort = .byID, limit: Int = 50, after: String? = nil) {
        self.table = table
        self.filters = filters
        self.condition = condition
        self.sort = sort
        self.limit = limit
        self.after = after
    }
}
