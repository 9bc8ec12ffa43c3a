import FormwrightCore

/// A write transaction on a private copy of one app's tables in a ``MemoryStorage``; the store
/// keeps the copy only if the closure returns.
final class MemoryWriteTransaction: WriteTransaction {
    let app: String
    private(set) var tables: MemoryApp

    init(app: String, tables: MemoryApp) {
        self.app = app
        self.tables = tables
    }

    private var reader: MemoryReadTransaction { MemoryReadTransaction(app: app, tables: tables) }

    func record(table: String, id: String) throws -> StoredRecord? {
        try reader.record(table: table, id: id)
    }

    func records(_ query: RecordQuery) throws -> RecordPage {
        try reader.records(query)
    }

    func aggregate(_ query: AggregateQuery) throws -> [AggregateRow] {
        try reader.aggregate(query)
    }

    func count(table: String, matching filters: [String: Value]) throws -> Int {
        try reader.count(table: table, matching: filters)
    }

    func exists(table: String, field: String, value: Value, excludingID: String?) throws -> Bool {
        try reader.exists(table: table, field: field, value: value, excludingID: excludingID)
    }

    func job(id: String) throws -> Job? {
        try reader.job(id: id)
    }

    func jobs(_ query: JobQuery) throws -> [Job] {
        try reader.jobs(query)
    }

    func jobSummary(now: Timestamp) throws -> JobSummary {
        try reader.jobSummary(now: now)
    }

    func insert(table: String, id: String?, fields: [String: Value], revision: String, now: Timestamp) throws -> StoredRecord {
        try tables.insert(table: table, app: app, id: id, fields: fields, revision: revision, now: now)
    }

    func update(
        table: String, id: String, fields: [String: Value], expectedVersion: Int64?, revision: String, now: Timestamp
    ) throws -> StoredRecord {
        try tables.update(
            table: table, app: app, id: id, fields: fields, expectedVersion: expectedVersion, revision: revision, now: now)
    }

    func delete(table: String, id: String, expectedVersion: Int64?) throws {
        try tables.delete(table: table, app: app, id: id, expectedVersion: expectedVersion)
    }

    func enqueue(_ job: NewJob, now: Timestamp) throws -> Job? {
        try tables.enqueue(job, app: app, now: now)
    }

    func claimJob(owner: String, now: Timestamp, leaseUntil: Timestamp, kinds: Set<String>?) throws -> Job? {
        try tables.claimJob(owner: owner, app: app, now: now, leaseUntil: leaseUntil, kinds: kinds)
    }

    func updateJob(id: String, expectedVersion: Int64, _ change: JobChange, now: Timestamp) throws -> Job {
        try tables.updateJob(id: id, app: app, expectedVersion: expectedVersion, change, now: now)
    }
}
