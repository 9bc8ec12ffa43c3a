import FormwrightCore
import FormwrightStorage
import PostgresNIO

/// The reads both transaction kinds share: one app's tables through one session.
struct PostgresReader: Sendable, SQLRecordReader {
    let session: PostgresSession
    let app: String
    let schema: PostgresAppSchema?

    func table(_ name: String) throws -> TableSchema {
        guard let schema else { throw StorageError.unknownTable(name, app: app) }
        return try schema.schema.table(name)
    }

    /// The prepared SQL text of a table of this app.
    func sql(_ table: TableSchema) -> PostgresTableSQL {
        schema?.sql(table) ?? PostgresTableSQL(app: app, table: table)
    }

    func decode(_ row: PostgresRow, _ table: TableSchema) throws -> StoredRecord {
        let damaged = StorageError(
            .backendFailure, "a record of table '\(table.name)' holds a value its schema cannot read", table: table.name)
        let cells = row.makeRandomAccess()
        guard cells.count == table.columns.count + 5, case .text(let id) = ColumnValue(cells[0], as: .text),
            case .integer(let version) = ColumnValue(cells[1], as: .integer),
            case .integer(let created) = ColumnValue(cells[2], as: .timestamp),
            case .integer(let updated) = ColumnValue(cells[3], as: .timestamp),
            case .text(let revision) = ColumnValue(cells[4], as: .text)
        else { throw damaged }
        var fields: [String: Value] = [:]
        for (offset, column) in table.columns.enumerated() {
            guard let stored = ColumnValue(cells[offset + 5], as: column.type), let value = column.type.decode(stored) else { throw damaged }
            fields[column.name] = value
        }
        return StoredRecord(
            id: id, version: version, createdAt: ColumnType.timestamp(microseconds: created),
            updatedAt: ColumnType.timestamp(microseconds: updated), revision: revision, fields: fields)
    }

    func record(table name: String, id: String) throws -> StoredRecord? {
        let table = try table(name)
        var statement = PostgresStatement(sql(table).selectByID)
        _ = statement.parameter(id)
        return try session.run(statement.query).first.map { try decode($0, table) }
    }

    /// `WHERE` conditions for equality filters, their values bound into `statement`.
    func filterClauses(_ table: TableSchema, _ filters: [String: Value], _ statement: inout PostgresStatement) throws -> [String] {
        var clauses: [String] = []
        for (column, value) in try table.encode(fields: filters) {
            let name = PostgresNames.quote(PostgresNames.column(column.name))
            if value == .null {
                clauses.append("\(name) IS NULL")
            } else {
                clauses.append("\(name) = \(statement.parameter(value, as: column.type))")
            }
        }
        return clauses
    }

    func count(table name: String, matching filters: [String: Value]) throws -> Int {
        let table = try table(name)
        var statement = PostgresStatement()
        let clauses = try filterClauses(table, filters, &statement)
        let condition = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        statement.sql = "SELECT COUNT(*) FROM \(sql(table).quotedName)\(condition)"
        guard let row = try session.run(statement.query).first, case .integer(let count) = ColumnValue(row.makeRandomAccess()[0], as: .integer)
        else { throw StorageError(.backendFailure, "counting table '\(name)' gave no number", table: name) }
        return Int(clamping: count)
    }

    func exists(table name: String, field: String, value: Value, excludingID: String?) throws -> Bool {
        let table = try table(name)
        let column = try table.requireColumn(field)
        let stored = try column.type.encode(value, field: field, table: table.name)
        return try valueTaken(stored, column: column, table: table, excludingID: excludingID)
    }

    /// Whether a record other than `excludingID` stores `value` in `column`; null is never taken.
    func valueTaken(_ value: ColumnValue, column: ColumnSchema, table: TableSchema, excludingID: String?) throws -> Bool {
        if value == .null { return false }
        var statement = PostgresStatement()
        let name = PostgresNames.quote(PostgresNames.column(column.name))
        var condition = "\(name) = \(statement.parameter(value, as: column.type))"
        if let excludingID { condition += " AND id <> \(statement.parameter(excludingID))" }
        statement.sql = "SELECT 1 FROM \(sql(table).quotedName) WHERE \(condition) LIMIT 1"
        return try !session.run(statement.query).rows.isEmpty
    }
}
