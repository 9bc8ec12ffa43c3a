import FormwrightCore

/// A read transaction over a snapshot of one app's tables in a ``MemoryStorage``.
struct MemoryReadTransaction: ReadTransaction {
    let app: String
    let tables: MemoryApp

    func record(table: String, id: String) throws -> StoredRecord? {
        let schema = try tables.tableSchema(table, app: app)
        return tables.rows(schema)[id].map { tables.project($0, schema) }
    }

    func records(_ query: RecordQuery) throws -> RecordPage {
        try tables.page(query, app: app)
    }

    func aggregate(_ query: AggregateQuery) throws -> [AggregateRow] {
        try tables.aggregate(query, app: app)
    }

    func count(table: String, matching filters: [String: Value]) throws -> Int {
        try tables.matching(try tables.tableSchema(table, app: app), filters).count
    }

    func exists(table: String, field: String, value: Value, excludingID: String?) throws -> Bool {
        try tables.exists(try tables.tableSchema(table, app: app), field: field, value: value, excludingID: excludingID)
    }

    func job(id: String) throws -> Job? {
        try tables.checkJobQueue(app: app)
        return tables.jobsByID[id]
    }

    func jobs(_ query: JobQuery) throws -> [Job] {
        try tables.jobs(query, app: app)
    }

    func jobSummary(now: Timestamp) throws -> JobSummary {
        try tables.jobSummary(app: app, now: now)
    }
}
