import FormwrightCore
import FormwrightStorage
import PostgresNIO

/// A write transaction on one leased connection, inside `BEGIN ISOLATION LEVEL SERIALIZABLE … COMMIT`.
///
/// Unique fields are checked with a query before each write, in schema order, so the error
/// names the field exactly as the in-memory backend does; the unique index stays as the guard,
/// and a value it refuses is reported for the field its index belongs to.
struct PostgresWriteTransaction: WriteTransaction, ReaderBackedTransaction {
    let reader: PostgresReader

    private var session: PostgresSession { reader.session }

    func insert(table name: String, id givenID: String?, fields: [String: Value], revision: String, now: Timestamp) throws -> StoredRecord {
        let table = try reader.table(name)
        let time = try now.storedPrecision()
        try SchemaRules.validate(revision: revision)
        let encoded = try table.encode(fields: fields)
        let id = try reader.newID(givenID, table)
        try reader.checkUnique(encoded, table, excludingID: nil)
        var values: [String: ColumnValue] = [:]
        for (column, value) in encoded { values[column.name] = value }
        let micros = ColumnType.microseconds(time) ?? 0
        var statement = PostgresStatement(reader.sql(table).insert)
        _ = statement.parameter(id)
        _ = statement.parameter(1)
        _ = statement.parameter(.integer(micros), as: .timestamp)
        _ = statement.parameter(.integer(micros), as: .timestamp)
        _ = statement.parameter(revision)
        var fieldValues: [String: Value] = [:]
        for column in table.columns {
            let stored = values[column.name] ?? .null
            _ = statement.parameter(stored, as: column.type)
            fieldValues[column.name] = try reader.decoded(stored, column, table)
        }
        try execute(statement, table)
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
        var statement = PostgresStatement()
        var assignments = [
            "version = \(statement.parameter(version))",
            "updated_at = \(statement.parameter(.integer(ColumnType.microseconds(time) ?? 0), as: .timestamp))",
            "revision = \(statement.parameter(revision))",
        ]
        for (column, stored) in encoded {
            assignments.append("\(PostgresNames.quote(PostgresNames.column(column.name))) = \(statement.parameter(stored, as: column.type))")
            record.fields[column.name] = try reader.decoded(stored, column, table)
        }
        statement.sql = "UPDATE \(reader.sql(table).quotedName) SET \(assignments.joined(separator: ", ")) WHERE id = \(statement.parameter(id))"
        try execute(statement, table)
        record.version = version
        record.updatedAt = time
        record.revision = revision
        return record
    }

    func delete(table name: String, id: String, expectedVersion: Int64?) throws {
        let table = try reader.table(name)
        _ = try reader.existing(table, id: id, expectedVersion: expectedVersion)
        var statement = PostgresStatement(reader.sql(table).delete)
        _ = statement.parameter(id)
        try execute(statement, table)
    }

    /// Runs a write, reporting a value the unique index refused for the field it belongs to.
    private func execute(_ statement: PostgresStatement, _ table: TableSchema) throws {
        do {
            _ = try session.run(statement.query)
        } catch let error as StorageError where error.code == .uniqueViolation {
            let field = session.firstFailure.flatMap(PostgresErrors.constraintName).flatMap { reader.sql(table).fieldsByUniqueIndex[$0] }
            guard let field else { throw error }
            throw StorageError.uniqueViolation(table: table.name, field: field)
        }
    }
}
