public import FormwrightCore

/// What can be read inside a ``StorageBackend/read(app:_:)`` or ``StorageBackend/write(app:_:)`` closure.
///
/// A transaction is valid only while its closure runs. Table and field names are the app's
/// names; an unknown one throws ``StorageError/Code/unknownTable`` or ``StorageError/Code/unknownField``.
public protocol ReadTransaction {
    /// The record with id `id` in `table`, or nil.
    func record(table: String, id: String) throws -> StoredRecord?

    /// One page of the records that match `query`, in its order.
    func records(_ query: RecordQuery) throws -> RecordPage

    /// The groups of `query`'s table and the measures of each, ordered by their keys.
    ///
    /// - Throws: ``StorageError/Code/unknownField`` for a name the table lacks;
    ///   ``StorageError/Code/invalidQuery`` for a group or measure the field's type cannot have,
    ///   an unknown time zone, an integer sum beyond 64 bits, or more than
    ///   the query's ``AggregateQuery/groupLimit`` groups.
    func aggregate(_ query: AggregateQuery) throws -> [AggregateRow]

    /// How many records of `table` have every field of `filters` equal to the given value.
    func count(table: String, matching filters: [String: Value]) throws -> Int

    /// Whether a record of `table` other than `excludingID` has `field` equal to `value`.
    ///
    /// Used for unique checks before writing; `.null` never matches.
    func exists(table: String, field: String, value: Value, excludingID: String?) throws -> Bool

    /// The app's job with id `id`, or nil.
    ///
    /// Job calls throw ``StorageError/Code/unknownTable`` for an app never prepared.
    func job(id: String) throws -> Job?

    /// The app's jobs that match `query`, newest first (by `createdAt`, then id), at most `query.limit`.
    func jobs(_ query: JobQuery) throws -> [Job]

    /// How many jobs the app holds in each state, how many pending ones are due at `now`, and
    /// the earliest `dueAt` of a pending one.
    func jobSummary(now: Timestamp) throws -> JobSummary
}

extension ReadTransaction {
    /// How many records `table` holds.
    public func count(table: String) throws -> Int {
        try count(table: table, matching: [:])
    }
}
