public import FormwrightCore

/// A write transaction whose reads are answered by a reader on the same connection, so a backend
/// writes its queries once and uses them for read and write transactions alike.
public protocol ReaderBackedTransaction: ReadTransaction {
    /// The reader type: a read transaction on the transaction's own connection.
    associatedtype Reader: ReadTransaction
    /// The reader on this transaction's connection.
    var reader: Reader { get }
}

extension ReaderBackedTransaction {
    public func record(table: String, id: String) throws -> StoredRecord? {
        try reader.record(table: table, id: id)
    }

    public func records(_ query: RecordQuery) throws -> RecordPage {
        try reader.records(query)
    }

    public func aggregate(_ query: AggregateQuery) throws -> [AggregateRow] {
        try reader.aggregate(query)
    }

    public func count(table: String, matching filters: [String: Value]) throws -> Int {
        try reader.count(table: table, matching: filters)
    }

    public func exists(table: String, field: String, value: Value, excludingID: String?) throws -> Bool {
        try reader.exists(table: table, field: field, value: value, excludingID: excludingID)
    }

    public func job(id: String) throws -> Job? {
        try reader.job(id: id)
    }

    public func jobs(_ query: JobQuery) throws -> [Job] {
        try reader.jobs(query)
    }

    public func jobSummary(now: Timestamp) throws -> JobSummary {
        try reader.jobSummary(now: now)
    }
}
