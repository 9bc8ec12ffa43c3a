import FormwrightCore
import FormwrightStorage
import PostgresNIO

extension PostgresReader {
    /// One `SELECT … GROUP BY … ORDER BY …` over the table.
    ///
    /// Keys are grouped and ordered by their position in the select list, `NULLS FIRST`, text
    /// under `COLLATE "C"` (UTF-8 bytes), as ``ColumnValue`` orders them. A timestamp's period is
    /// taken in the query's zone with `AT TIME ZONE`; the ISO week starts on the Monday
    /// `ISODOW` counts from, the month on day 1 — date arithmetic only, so the session's own
    /// time zone never enters. `SUM` of a `BIGINT` is a `NUMERIC`, read as text and refused when
    /// it does not fit 64 bits — checked here, not by a failing cast, so the surrounding
    /// transaction stays usable.
    func aggregate(_ query: AggregateQuery) throws -> [AggregateRow] {
        let table = try table(query.table)
        let plan = try AggregatePlan(query, table: table)
        var statement = PostgresStatement()
        var selected: [String] = []
        for key in plan.keys {
            switch key {
            case .field(let column):
                selected.append(Self.column(column))
            case .period(let column, let period):
                let day: String
                if case .timestamp = column.type {
                    day = "(\(Self.column(column)) AT TIME ZONE \(statement.parameter(plan.calendar.identifier)))::date"
                } else {
                    day = "(\(Self.column(column)))::date"
                }
                let start: String
                switch period {
                case .day: start = day
                case .week: start = "(\(day) - (EXTRACT(ISODOW FROM \(day))::int - 1))"
                case .month: start = "(\(day) - (EXTRACT(DAY FROM \(day))::int - 1))"
                }
                selected.append("to_char((\(start))::timestamp, 'YYYY-MM-DD') COLLATE \"C\"")
            }
        }
        for figure in plan.figures {
            switch figure {
            case .count: selected.append("COUNT(*)")
            case .integerSum(let column): selected.append("SUM(\(Self.column(column)))::text")
            case .realSum(let column): selected.append("SUM(\(Self.column(column)))")
            case .average(let column): selected.append("AVG(\(Self.column(column)))::float8")
            case .minimum(let column):
                selected.append(column.type == .boolean ? "bool_and(\(Self.column(column)))" : "MIN(\(Self.column(column)))")
            case .maximum(let column):
                selected.append(column.type == .boolean ? "bool_or(\(Self.column(column)))" : "MAX(\(Self.column(column)))")
            }
        }
        var sql = "SELECT \(selected.isEmpty ? "COUNT(*)" : selected.joined(separator: ", ")) FROM \(self.sql(table).quotedName)"
        if let condition = plan.condition { sql += " WHERE \(try conditionClause(condition, table, &statement))" }
        if !plan.keys.isEmpty {
            let positions = (1...plan.keys.count).map(String.init)
            sql += " GROUP BY \(positions.joined(separator: ", "))"
            sql += " ORDER BY \(positions.map { "\($0) ASC NULLS FIRST" }.joined(separator: ", "))"
            sql += " LIMIT \(statement.parameter(Int64(plan.groupLimit) + 1))"
        }
        statement.sql = sql
        let rows = try session.run(statement.query).rows
        guard rows.count <= plan.groupLimit else { throw plan.tooManyGroups }
        return try rows.map { row in
            let cells = row.makeRandomAccess()
            var keys: [ColumnValue] = []
            for (index, key) in plan.keys.enumerated() {
                switch key {
                case .field(let column): keys.append(try Self.value(cells[index], as: column.type, table))
                case .period: keys.append(try Self.value(cells[index], as: .text, table))
                }
            }
            var values: [ColumnValue] = []
            for (offset, figure) in plan.figures.enumerated() {
                let cell = cells[plan.keys.count + offset]
                switch figure {
                case .count: values.append(try Self.value(cell, as: .integer, table))
                case .integerSum(let column): values.append(try Self.sum(cell, column, plan))
                case .realSum, .average: values.append(try Self.value(cell, as: .double, table))
                case .minimum(let column), .maximum(let column): values.append(try Self.value(cell, as: column.type, table))
                }
            }
            return AggregateRow(keys: keys, values: values)
        }
    }

    private static func column(_ column: ColumnSchema) -> String {
        PostgresNames.quote(PostgresNames.column(column.name))
    }

    private static func value(_ cell: PostgresCell, as type: ColumnType, _ table: TableSchema) throws -> ColumnValue {
        guard let value = ColumnValue(cell, as: type) else {
            throw StorageError(.backendFailure, "an aggregate of table '\(table.name)' gave a value of an unexpected type", table: table.name)
        }
        return value
    }

    /// An exact sum, given as `NUMERIC` text, as a 64-bit integer or the overflow error.
    private static func sum(_ cell: PostgresCell, _ column: ColumnSchema, _ plan: AggregatePlan) throws -> ColumnValue {
        guard case .text(let digits) = try value(cell, as: .text, plan.table) else { return .null }
        guard let total = Int64(digits) else { throw plan.sumOverflow(column) }
        return .integer(total)
    }
}
