import FormwrightCore
import FormwrightStorage
import GRDB

extension SQLiteReader {
    /// One page of a query, with the keyset condition that continues after its cursor.
    ///
    /// `NULL` sorts first ascending and last descending in SQLite, as ``ColumnValue`` orders it,
    /// and text columns use the `BINARY` collation (UTF-8 byte order), so pages match the
    /// in-memory reference backend exactly.
    func records(_ query: RecordQuery) throws -> RecordPage {
        let table = try table(query.table)
        let cursor = try table.checkPaging(query)
        var (clauses, arguments) = try filterClauses(table, query.filters)
        if let condition = query.condition {
            let (clause, values) = try conditionClause(condition, table)
            clauses.append(clause)
            arguments.append(contentsOf: values)
        }
        let sortColumn = try sortExpression(query.sort, table)
        let direction = query.sort.descending ? "DESC" : "ASC"
        let order = sortColumn == "id" ? "id \(direction)" : "\(sortColumn) \(direction), id \(direction)"
        // Each segment of what follows the cursor is read in order until the page is full.
        var rows: [Row] = []
        for (clause, values) in cursor.map({ keyset($0, sortColumn) }) ?? [(nil, [])] {
            let all = clauses + (clause.map { [$0] } ?? [])
            let condition = all.isEmpty ? "" : " WHERE " + all.joined(separator: " AND ")
            let wanted = query.limit + 1 - rows.count
            rows += try Row.fetchAll(
                db, sql: "SELECT \(sql(table).selectList) FROM \(sql(table).quotedName)\(condition) ORDER BY \(order) LIMIT ?",
                arguments: StatementArguments(arguments + values + [wanted.databaseValue]))
            if rows.count > query.limit { break }
        }
        var records = try rows.map { try decode($0, table) }
        var next: String?
        if records.count > query.limit {
            records.removeLast(records.count - query.limit)
            if let last = records.last { next = PageCursor(sort: query.sort, value: try sortValue(last, query.sort, table), id: last.id).text }
        }
        return RecordPage(records: records, next: next)
    }

    private func sortExpression(_ sort: RecordSort, _ table: TableSchema) throws -> String {
        switch sort.key {
        case .id: return "id"
        case .createdAt: return "created_at"
        case .updatedAt: return "updated_at"
        case .field:
            guard let column = try table.sortColumn(for: sort) else { return "id" }
            return SQLiteNames.quote(SQLiteNames.column(column.name))
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

    /// The rows strictly after the cursor's (value, id) in the query's order, null being
    /// smallest, as segments to read one after the other: the rest of the cursor's own segment
    /// (empty values, or values), then the other one when it follows.
    ///
    /// Within values a row-value comparison `(col, id) > (?, ?)` lets SQLite start its index
    /// scan at the cursor, where an `OR` of conditions would make it read and sort every match.
    private func keyset(_ cursor: PageCursor, _ column: String) -> [(String?, [DatabaseValue])] {
        let id = cursor.id.databaseValue
        if column == "id" { return [(cursor.sort.descending ? "id < ?" : "id > ?", [id])] }
        let value = cursor.value.databaseValue
        switch (cursor.sort.descending, cursor.value == .null) {
        case (false, true): return [("(\(column) IS NULL AND id > ?)", [id]), ("\(column) IS NOT NULL", [])]
        case (false, false): return [("(\(column), id) > (?, ?)", [value, id])]
        case (true, true): return [("(\(column) IS NULL AND id < ?)", [id])]
        case (true, false): return [("(\(column), id) < (?, ?)", [value, id]), ("\(column) IS NULL", [])]
        }
    }
}
