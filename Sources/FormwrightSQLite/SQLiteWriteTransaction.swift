import FormwrightCore
import FormwrightStorage
import GRDB

/// A write transaction on the pool's writer connection, inside `BEGIN IMMEDIATE … COMMIT`.
///
/// Unique fields are checked with a query before each write, in schema order, so the error
/// names the field exactly as the in-memory backend does; the unique index stays as the guard.
struct SQLiteWriteTransaction: WriteTransaction, ReaderBackedTransaction {
    let reader: SQLiteReader

    private var db: Database { reader.db }

    func insert(table name: String, id givenID: String?, fields: [String: Value], revision: String, now: Timestamp) throws -> StoredRecord {
        let table = try reader.table(name)
        let time = try now.storedPrecision()
        try SchemaRules.validate(revision: revision)
        let encoded = try table.encode(fields: fields)
        let id = try reader.newID(givenID, table)
        try reader.checkUnique(encoded, table, excludingID: nil)
        var values: [ColumnSchema: ColumnValue] = [:]
        for (column, value) in encoded { values[column] = value }
        let micros = ColumnType.microseconds(time) ?? 0
        var arguments: [DatabaseValue] = [id.databaseValue, 1.databaseValue, micros.databaseValue, micros.databaseValue, revision.databaseValue]
        var fieldValues: [String: Value] = [:]
        for column in table.columns {
            let stored = values[column] ?? .null
            arguments.append(stored.databaseValue)
            fieldValues[column.name] = try reader.decoded(stored, column, table)
        }
        try db.cachedStatement(sql: reader.sql(table).insert).execute(arguments: StatementArguments(arguments))
        return StoredRecord(id: id, version: 1, createdAt: time, updatedAt: time, revision: revision, fields: fieldValues)
    }

    func update(
        table name: String, id: String, fields: [String: Value], expectedVersion: Int64?, revision: String, now: Timestamp
    ) throws -> StoredRecord {
        let table = try reader.table(name)
        let time = try now.storedPrecision()
        try SchemaRules.validate(revision: revision)
        var record = try reader.existing(table, id: id, expectedVersion: expectedVersion)
        let encoded = try table.encode(fields: fields)
        try reader.checkUnique(encoded, table, excludingID: id)
        let (version, overflow) = record.version.addingReportingOverflow(1)
        guard !overflow else { throw StorageError(.backendFailure, "record '\(id)' in table '\(name)' has run out of versions") }
        var assignments = ["version = ?", "updated_at = ?", "revision = ?"]
        var arguments: [DatabaseValue] = [version.databaseValue, (ColumnType.microseconds(time) ?? 0).databaseValue, revision.databaseValue]
        for (column, stored) in encoded {
            assignments.append("\(SQLiteNames.quote(SQLiteNames.column(column.name))) = ?")
            arguments.append(stored.databaseValue)
            record.fields[column.name] = try reader.decoded(stored, column, table)
        }
        arguments.append(id.databaseValue)
        try db.cachedStatement(sql: "UPDATE \(reader.sql(table).quotedName) SET \(assignments.joined(separator: ", ")) WHERE id = ?")
            .execute(arguments: StatementArguments(arguments))
        record.version = version
        record.updatedAt = time
        record.revision = revision
        return record
    }

    func delete(table name: String, id: String, expectedVersion: Int64?) throws {
        let table = try reader.table(name)
        _ = try reader.existing(table, id: id, expectedVersion: expectedVersion)
        try db.cachedStatement(sql: reader.sql(table).delete).execute(arguments: [id])
    }
}
