import FormwrightCore
import FormwrightStorage
import PostgresNIO

extension PostgresReader {
    /// One page of a query, with the keyset condition that continues after its cursor.
    ///
    /// PostgreSQL puts `NULL` last ascending by default; the `ORDER BY` here says `NULLS FIRST`
    /// ascending and `NULLS LAST` descending, as ``ColumnValue`` orders it, and text columns use
    /// `COLLATE "C"` (UTF-8 byte order), so pages match the in-memory reference backend exactly.
    func records(_ query: RecordQuery) throws -> RecordPage {
        let table = try table(query.table)
        let cursor = try table.checkPaging(query)
        var statement = PostgresStatement()
        var clauses = try filterClauses(table, query.filters, &statement)
        if let condition = query.condition { clauses.append(try conditionClause(condition, table, &statement)) }
        let (sortColumn, sortType) = try sortExpression(query.sort, table)
        let direction = query.sort.descending ? "DESC NULLS LAST" : "ASC NULLS FIRST"
        let idDirection = query.sort.descending ? "DESC" : "ASC"
        let order = sortColumn == "id" ? "id \(idDirection)" : "\(sortColumn) \(direction), id \(idDirection)"
        if let cursor { clauses.append(try keyset(cursor, sortColumn, sortType, &statement)) }
        let condition = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let limit = statement.parameter(Int64(query.limit) + 1)
        statement.sql = "SELECT \(sql(table).selectList) FROM \(sql(table).quotedName)\(condition) ORDER BY \(order) LIMIT \(limit)"
        var records = try session.run(statement.query).rows.map { try decode($0, table) }
        var next: String?
        if records.count > query.limit {
            records.removeLast(records.count - query.limit)
            if let last = records.last { next = PageCursor(sort: query.sort, value: try sortValue(last, query.sort, table), id: last.id).text }
        }
        return RecordPage(records: records, next: next)
    }

    private func sortExpression(_ sort: RecordSort, _ table: TableSchema) throws -> (String, ColumnType) {
        switch sort.key {
        case .id: return ("id", .text)
        case .createdAt: return ("created_at", .timestamp)
        case .updatedAt: return ("updated_at", .timestamp)
        case .field:
            guard let column = try table.sortColumn(for: sort) else { return ("id", .text) }
            return (PostgresNames.quote(PostgresNames.column(column.name)), column.type)
        }
    }

    private func sortValue(_ record: StoredRecord, _ sort: RecordSort, _ table: TableSchema) throws -> ColumnValue {
        switch sort.key {
        case .id: return .text(record.id)
        case .createdAt: return .integer(ColumnType.microseconds(record.createdAt) ?? 0)
        case .updatedAt: return .integer(ColumnType.microseconds(record.updatedAt) ?? 0)
        case .field(let name):
            let column = try table.requireColumn(name)
            return try column.type.encode(record.fields[name] ?? .null, field: name, table: table.name)
        }
    }

    /// The rows strictly after the cursor's (value, id) in the query's order, null being smallest.
    ///
    /// PostgreSQL types its parameters, so a cursor whose value cannot belong to the column (one
    /// made by hand) is refused as invalid rather than compared across types.
    private func keyset(_ cursor: PageCursor, _ column: String, _ type: ColumnType, _ statement: inout PostgresStatement) throws -> String {
        switch (cursor.value, type) {
        case (.null, _), (.text, .text), (.text, .date), (.text, .link), (.real, .double): break
        case (.integer, .integer), (.integer, .money), (.integer, .boolean), (.integer, .timestamp): break
        default: throw StorageError(.invalidCursor, "the paging cursor is not valid for this query")
        }
        let id = statement.parameter(cursor.id)
        if column == "id" { return cursor.sort.descending ? "id < \(id)" : "id > \(id)" }
        switch (cursor.sort.descending, cursor.value == .null) {
        case (false, true): return "((\(column) IS NULL AND id > \(id)) OR \(column) IS NOT NULL)"
        case (true, true): return "(\(column) IS NULL AND id < \(id))"
        case (false, false):
            let value = statement.parameter(cursor.value, as: type)
            return "(\(column) > \(value) OR (\(column) = \(value) AND id > \(id)))"
        case (true, false):
            let value = statement.parameter(cursor.value, as: type)
            return "(\(column) < \(value) OR \(column) IS NULL OR (\(column) = \(value) AND id < \(id)))"
        }
    }
}
