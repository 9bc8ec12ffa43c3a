/// An ``AggregateQuery`` checked against its table: every name resolved to its column, every
/// group and measure known to fit its column's type, the time zone known.
///
/// Every backend builds one before it reads anything, so a bad query fails with the same error
/// everywhere and never reaches SQL (on PostgreSQL a failed statement would abort the
/// surrounding transaction).
public struct AggregatePlan: Sendable {
    /// One grouping key, resolved.
    public enum Key: Sendable {
        /// The column's stored value.
        case field(ColumnSchema)
        /// The start of the period a date or timestamp column's value falls in.
        case period(ColumnSchema, DatePeriod)
    }

    /// One measure, resolved, with the kind of value it gives.
    public enum Figure: Sendable {
        /// How many records: an integer.
        case count
        /// The exact sum of an integer or money column: an integer.
        case integerSum(ColumnSchema)
        /// The sum of a number column: a float.
        case realSum(ColumnSchema)
        /// The mean of a numeric column: a float.
        case average(ColumnSchema)
        /// The smallest stored value of a sortable column.
        case minimum(ColumnSchema)
        /// The largest stored value of a sortable column.
        case maximum(ColumnSchema)
    }

    /// The table read.
    public let table: TableSchema
    /// Which records count; nil for all.
    public let condition: RecordCondition?
    /// The grouping keys, in the query's order.
    public let keys: [Key]
    /// The measures, in the query's order.
    public let figures: [Figure]
    /// The calendar of the query's time zone.
    public let calendar: PeriodCalendar
    /// The most groups the answer may hold.
    public let groupLimit: Int

    /// Checks `query` against `table`.
    ///
    /// - Throws: ``StorageError/Code/unknownField`` for a name the table lacks;
    ///   ``StorageError/Code/invalidQuery`` for a period of a field that is neither a date nor a
    ///   timestamp, a sum or average of a field that is not a number, a list field grouped by or
    ///   taken the minimum or maximum of, an unknown time zone, or a condition
    ///   ``TableSchema/checkCondition(_:)`` refuses.
    public init(_ query: AggregateQuery, table: TableSchema) throws {
        self.table = table
        condition = query.condition
        calendar = try PeriodCalendar(timeZone: query.timeZone)
        groupLimit = max(query.groupLimit, 1)
        if let condition = query.condition { try table.checkCondition(condition) }
        keys = try query.groups.map { group -> Key in
            switch group {
            case .field(let name):
                let column = try table.requireColumn(name)
                guard column.type.isSortable else { throw Self.invalid("holds a list and cannot be grouped by", column, table) }
                return .field(column)
            case .period(let name, let period):
                let column = try table.requireColumn(name)
                switch column.type {
                case .date, .timestamp: return .period(column, period)
                default: throw Self.invalid("is not a date or a datetime and has no \(period.rawValue)", column, table)
                }
            }
        }
        figures = try query.measures.map { measure -> Figure in
            switch measure {
            case .count:
                return .count
            case .sum(let name):
                let column = try table.requireColumn(name)
                switch column.type {
                case .integer, .money: return .integerSum(column)
                case .double: return .realSum(column)
                default: throw Self.invalid("is not a number and has no sum", column, table)
                }
            case .average(let name):
                let column = try table.requireColumn(name)
                switch column.type {
                case .integer, .money, .double: return .average(column)
                default: throw Self.invalid("is not a number and has no average", column, table)
                }
            case .minimum(let name):
                let column = try table.requireColumn(name)
                guard column.type.isSortable else { throw Self.invalid("holds a list and has no minimum", column, table) }
                return .minimum(column)
            case .maximum(let name):
                let column = try table.requireColumn(name)
                guard column.type.isSortable else { throw Self.invalid("holds a list and has no maximum", column, table) }
                return .maximum(column)
            }
        }
    }

    /// The error for an answer of more than ``groupLimit`` groups.
    public var tooManyGroups: StorageError {
        StorageError(
            .invalidQuery,
            "the records of table '\(table.name)' form more than \(groupLimit) groups; group by fewer or coarser keys, or count fewer records",
            table: table.name)
    }

    /// The error for an integer sum that does not fit 64 bits.
    ///
    /// - Parameter column: the summed column, when the backend knows which sum overflowed.
    public func sumOverflow(_ column: ColumnSchema?) -> StorageError {
        guard let column else {
            return StorageError(.invalidQuery, "a sum over table '\(table.name)' does not fit a 64-bit integer", table: table.name)
        }
        return StorageError(
            .invalidQuery, "the sum of field '\(column.name)' of table '\(table.name)' does not fit a 64-bit integer", table: table.name,
            field: column.name)
    }

    /// The columns of the exact integer sums, in the query's order.
    public var integerSumColumns: [ColumnSchema] {
        figures.compactMap { if case .integerSum(let column) = $0 { column } else { nil } }
    }

    private static func invalid(_ problem: String, _ column: ColumnSchema, _ table: TableSchema) -> StorageError {
        StorageError(.invalidQuery, "field '\(column.name)' of table '\(table.name)' \(problem)", table: table.name, field: column.name)
    }
}
