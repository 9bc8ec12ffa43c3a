public import FormwrightCore

/// What can be written inside a ``StorageBackend/write(app:_:)`` closure, besides reading.
///
/// Field values are checked against their column types (``StorageError/Code/invalidValue``) and
/// unique fields against other records (``StorageError/Code/uniqueViolation``). Timestamps,
/// `now` included, are kept with microsecond precision.
public protocol WriteTransaction: ReadTransaction {
    /// Inserts a record at version 1 and returns it as stored, every field of the schema present.
    ///
    /// - Parameters:
    ///   - table: the table to insert into.
    ///   - id: the new record's id, or nil for a new random one; a given id must pass
    ///     ``RecordID/isValid(_:)`` and be free (``StorageError/Code/alreadyExists``).
    ///   - fields: the values of some or all fields; the others are empty.
    ///   - revision: the definition revision the record is written under.
    ///   - now: the time of the insertion, kept as `createdAt` and `updatedAt`.
    func insert(table: String, id: String?, fields: [String: Value], revision: String, now: Timestamp) throws -> StoredRecord

    /// Changes some fields of a record, bumps its version and returns it as stored.
    ///
    /// - Parameters:
    ///   - table: the record's table.
    ///   - id: the record's id; a missing record throws ``StorageError/Code/notFound``.
    ///   - fields: the fields to change; others keep their values.
    ///   - expectedVersion: the version the caller last saw, or nil to skip the check;
    ///     a different stored version throws ``StorageError/Code/versionConflict``.
    ///   - revision: the definition revision the record is written under.
    ///   - now: the time of the change, kept as `updatedAt`.
    func update(
        table: String, id: String, fields: [String: Value], expectedVersion: Int64?, revision: String, now: Timestamp
    ) throws -> StoredRecord

    /// Deletes a record.
    ///
    /// - Parameters:
    ///   - table: the record's table.
    ///   - id: the record's id; a missing record throws ``StorageError/Code/notFound``.
    ///   - expectedVersion: the version the caller last saw, or nil to skip the check.
    func delete(table: String, id: String, expectedVersion: Int64?) throws
}

extension WriteTransaction {
    /// Inserts a record with a new random id; see ``insert(table:id:fields:revision:now:)``.
    public func insert(table: String, fields: [String: Value], revision: String, now: Timestamp) throws -> StoredRecord {
        try insert(table: table, id: nil, fields: fields, revision: revision, now: now)
    }
}
