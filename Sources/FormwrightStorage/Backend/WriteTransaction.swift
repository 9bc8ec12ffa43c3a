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

    /// Adds a pending job to the app's queue, in this transaction: it exists exactly when the
    /// transaction's other writes do.
    ///
    /// - Parameters:
    ///   - job: the job; see ``NewJob/checked()`` for what is refused (``StorageError/Code/invalidValue``).
    ///   - now: the time of the write, kept as `createdAt` and `updatedAt`.
    /// - Returns: the job as stored, at version 1; nil, with nothing written, when the app
    ///   already holds a job with the same dedup key, whatever its state.
    func enqueue(_ job: NewJob, now: Timestamp) throws -> Job?

    /// Takes the next job a worker may run and gives `owner` its lease.
    ///
    /// The job taken is the one with the earliest `dueAt` (ties by id) among pending jobs due
    /// at `now` and running jobs whose lease ended before `now` (their worker stopped). It
    /// becomes running, held by `owner` until `leaseUntil`, one version later; its attempts
    /// are left to the caller. Two transactions never take the same job: on PostgreSQL the
    /// row is locked with `FOR UPDATE SKIP LOCKED`, so concurrent claimers pass over each other's
    /// jobs, and a claim that still conflicts is run again like any write. Workers claim with
    /// ``StorageBackend/claimJob(app:owner:now:leaseUntil:kinds:)``, which on PostgreSQL
    /// avoids those conflicts.
    ///
    /// - Parameters:
    ///   - owner: who takes the lease, such as a worker's process and task; not empty.
    ///   - now: the time of the claim.
    ///   - leaseUntil: when the lease runs out unless renewed; must be after `now`.
    ///   - kinds: the kinds of job to take, or nil for any.
    /// - Returns: the claimed job, or nil when none can be claimed.
    func claimJob(owner: String, now: Timestamp, leaseUntil: Timestamp, kinds: Set<String>?) throws -> Job?

    /// Changes a job, bumps its version and returns it as stored.
    ///
    /// The version check is the queue's fence: a worker whose lease was taken over holds a
    /// stale version, so its change — and, in the same transaction, its record writes — are refused.
    ///
    /// - Parameters:
    ///   - id: the job's id; a missing job throws ``StorageError/Code/notFound``.
    ///   - expectedVersion: the version the caller last saw; a different stored version throws
    ///     ``StorageError/Code/versionConflict``.
    ///   - change: what to change.
    ///   - now: the time of the change, kept as `updatedAt`.
    func updateJob(id: String, expectedVersion: Int64, _ change: JobChange, now: Timestamp) throws -> Job
}

extension WriteTransaction {
    /// Inserts a record with a new random id; see ``insert(table:id:fields:revision:now:)``.
    public func insert(table: String, fields: [String: Value], revision: String, now: Timestamp) throws -> StoredRecord {
        try insert(table: table, id: nil, fields: fields, revision: revision, now: now)
    }
}
