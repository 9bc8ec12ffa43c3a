import FormwrightCore
import FormwrightStorage

/// A read transaction on one leased connection: a consistent snapshot
/// (`REPEATABLE READ, READ ONLY`).
struct PostgresReadTransaction: ReadTransaction {
    let reader: PostgresReader

    func record(table: String, id: String) throws -> StoredRecord? {
        try reader.record(table: table, id: id)
    }

    func records(_ query: RecordQuery) throws -> RecordPage {
        try reader.records(query)
    }

    func count(table: String, matching filters: [String: Value]) throws -> Int {
        try reader.count(table: table, matching: filters)
    }

    func exists(table: String, field: String, value: Value, excludingID: String?) throws -> Bool {
        try reader.exists(table: table, field: field, value: value, excludingID: excludingID)
    }
}
