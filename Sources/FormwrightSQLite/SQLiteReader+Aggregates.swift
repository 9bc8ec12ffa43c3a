import FormwrightCore
import FormwrightStorage
import GRDB

extension SQLiteReader {
    /// One `SELECT … GROUP BY … ORDER BY …` over the table.
    ///
    /// Keys are grouped and ordered by their position in the select list; SQLite puts `NULL`
    /// first and compares text with the `BINARY` collation (UTF-8 bytes), as ``ColumnValue``
    /// orders them. `SUM` of integers is exact and fails on overflow, which becomes
    /// ``StorageError/Code/invalidQuery``. Periods come from ``SQLitePeriodFunctions``.
    func aggregate(_ query: AggregateQuery) throws -> [AggregateRow] {
        let table = try table(query.table)
        let plan = try AggregatePlan(query, table: table)
        var arguments: [DatabaseValue] = []
        var selected: [String] = []
        for key in plan.keys {
            switch key {
            case .field(let column):
                selected.append(Self.column(column))
            case .period(let column, let period):
                if case .timestamp = column.type {
                    selected.append("\(SQLitePeriodFunctions.timestampPeriod)(\(Self.column(column)), ?, ?)")
                    arguments += [period.rawValue.databaseValue, plan.calendar.identifier.databaseValue]
                } else {
                    selected.append("\(SQLitePeriodFunctions.datePeriod)(\(Self.column(column)), ?)")
                    arguments.append(period.rawValue.databaseValue)
                }
            }
        }
        for figure in plan.figures {
            switch figure {
            case .count: selected.append("COUNT(*)")
            case .integerSum(let column), .realSum(let column): selected.append("SUM(\(Self.column(column)))")
            case .average(let column): selected.append("AVG(\(Self.column(column)))")
            case .minimum(let column): selected.append("MIN(\(Self.column(column)))")
            case .maximum(let column): selected.append("MAX(\(Self.column(column)))")
            }
        }
        var sql = "SELECT \(selected.isEmpty ? "COUNT(*)" : selected.joined(separator: ", ")) FROM \(self.sql(table).quotedName)"
        if let condition = plan.condition {
            let (clause, values) = try conditionClause(condition, table)
            sql += " WHERE \(clause)"
            arguments += values
        }
        if !plan.keys.isEmpty {
            let positions = (1...plan.keys.count).map(String.init).joined(separator: ", ")
            sql += " GROUP BY \(positions) ORDER BY \(positions) LIMIT ?"
            arguments.append((plan.groupLimit + 1).databaseValue)
        }
        let rows: [Row]
        do {
            rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
        } catch let error as DatabaseError where error.message == "integer overflow" {
            let sums = plan.integerSumColumns
            throw plan.sumOverflow(sums.count == 1 ? sums[0] : nil)
        }
        guard rows.count <= plan.groupLimit else { throw plan.tooManyGroups }
        return try rows.map { row in
            var values: [ColumnValue] = []
            for index in 0..<(plan.keys.count + plan.figures.count) {
                guard let value = ColumnValue(try row.decode(DatabaseValue.self, atIndex: index)) else {
                    throw StorageError(.backendFailure, "table '\(table.name)' holds a value no field type stores", table: table.name)
                }
                values.append(value)
            }
            return AggregateRow(keys: Array(values.prefix(plan.keys.count)), values: Array(values.dropFirst(plan.keys.count)))
        }
    }

    private static func column(_ column: ColumnSchema) -> String {
        SQLiteNames.quote(SQLiteNames.column(column.name))
    }
}
