public import FormwrightCore

/// The reads a SQL backend answers for its write transactions, and the write-time checks built
/// on them, written once so every SQL backend refuses the same inputs with the same errors.
public protocol SQLRecordReader: ReadTransaction {
    /// The table's schema, or `unknownTable`.
    func table(_ name: String) throws -> TableSchema
    /// Whether another record (not `excludingID`) of `table` holds `value` in `column`.
    func valueTaken(_ value: ColumnValue, column: ColumnSchema, table: TableSchema, excludingID: String?) throws -> Bool
}

extension SQLRecordReader {
    /// The record a change or delete applies to; `notFound`, or `versionConflict` when `expectedVersion` differs.
    public func existing(_ table: TableSchema, id: String, expectedVersion: Int64?) throws -> StoredRecord {
        guard let record = try record(table: table.name, id: id) else { throw StorageError.notFound(id: id, table: table.name) }
        if let expectedVersion, expectedVersion != record.version {
            throw StorageError.versionConflict(id: id, table: table.name, expected: expectedVersion, found: record.version)
        }
        return record
    }

    /// A new record's id: a fresh random one, or the given one when it is valid and unused.
    public func newID(_ givenID: String?, _ table: TableSchema) throws -> String {
        guard let givenID else { return RecordID.generate() }
        guard RecordID.isValid(givenID) else { throw StorageError.invalidID(givenID, table: table.name) }
        guard try record(table: table.name, id: givenID) == nil else { throw StorageError.alreadyExists(id: givenID, table: table.name) }
        return givenID
    }

    /// Refuses a value another record already holds in a unique field, checking fields in schema
    /// order so every backend names the same field; the unique index stays the last guard.
    public func checkUnique(_ encoded: [(column: ColumnSchema, value: ColumnValue)], _ table: TableSchema, excludingID: String?) throws {
        for (column, value) in encoded where column.isUnique && value != .null {
            if try valueTaken(value, column: column, table: table, excludingID: excludingID) {
                throw StorageError.uniqueViolation(table: table.name, field: column.name)
            }
        }
    }

    /// A stored column value read back as the field's value.
    public func decoded(_ stored: ColumnValue, _ column: ColumnSchema, _ table: TableSchema) throws -> Value {
        guard let value = column.type.decode(stored) else {
            throw StorageError(.invalidValue, "field '\(column.name)' of table '\(table.name)' cannot be stored", table: table.name)
        }
        return value
    }
}
