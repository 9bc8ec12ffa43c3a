import FormwrightCore
import FormwrightStorage
import GRDB

/// A read transaction on one connection (a WAL snapshot), and the reads write transactions share.
struct SQLiteReader: SQLRecordReader {
    let db: Database
    let app: String
    let schema: SQLiteAppSchema?

    func table(_ name: String) throws -> TableSchema {
        guard let schema else { throw StorageError.unknownTable(name, app: app) }
        return try schema.schema.table(name)
    }

    /// The prepared SQL text of a table of this app.
    func sql(_ table: TableSchema) -> SQLiteTableSQL {
        schema?.sql(table) ?? SQLiteTableSQL(app: app, table: table)
    }

    func decode(_ row: Row, _ table: TableSchema) throws -> StoredRecord {
        let damaged = StorageError(.backendFailure, "a record of table '\(table.name)' holds a value its schema cannot read", table: table.name)
        // Throwing decodes: a damaged or foreign file must give an error, never stop the process.
        guard let id = try? row.decode(String.self, atIndex: 0), let version = try? row.decode(Int64.self, atIndex: 1),
            let created = try? row.decode(Int64.self, atIndex: 2), let updated = try? row.decode(Int64.self, atIndex: 3),
            let revision = try? row.decode(String.self, atIndex: 4)
        else { throw damaged }
        var fields: [String: Value] = [:]
        for (offset, column) in table.columns.enumerated() {
            guard let stored = ColumnValue(try row.decode(DatabaseValue.self, atIndex: offset + 5)), let value = column.type.decode(stored) else {
                throw damaged
            }
            fields[column.name] = value
        }
        return StoredRecord(
            id: id, version: version, createdAt: ColumnType.timestamp(microseconds: created),
            updatedAt: ColumnType.timestamp(microseconds: updated), revision: revision, fields: fields)
    }

    func record(table name: String, id: String) throws -> StoredRecord? {
        let table = try table(name)
        let statement = try db.cachedStatement(sql: sql(table).selectByID)
        let row = try Row.fetchOne(statement, arguments: [id])
        return try row.map { try decode($0, table) }
    }

    /// `WHERE` conditions for equality filters, and their arguments.
    func filterClauses(_ table: TableSchema, _ filters: [String: Value]) throws -> (clauses: [String], arguments: [DatabaseValue]) {
        var clauses: [String] = []
        var arguments: [DatabaseValue] = []
        for (column, value) in try table.encode(fields: filters) {
            clauses.append("\(SQLiteNames.quote(SQLiteNames.column(column.name))) IS ?")
            arguments.append(value.databaseValue)
        }
        return (clauses, arguments)
    }

    func count(table name: String, matching filters: [String: Value]) throws -> Int {
        let table = try table(name)
        let (clauses, arguments) = try filterClauses(table, filters)
        let condition = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM \(sql(table).quotedName)\(condition)", arguments: StatementArguments(arguments)) ?? 0
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
        let statement = try db.cachedStatement(
            sql: """
                SELECT EXISTS (SELECT 1 FROM \(sql(table).quotedName)
                WHERE \(SQLiteNames.quote(SQLiteNames.column(column.name))) = ? AND id IS NOT ?)
                """)
        return try Bool.fetchOne(statement, arguments: [value.databaseValue, excludingID]) ?? false
    }
}
