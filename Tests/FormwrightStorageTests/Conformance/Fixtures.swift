import FormwrightCore
import FormwrightStorage
import Testing

/// Schemas and functions shared by the conformance tests.
enum Fixtures {
    static let now = Timestamp(seconds: 1_800_000_000, nanos: 123_456_789)
    static let later = Timestamp(seconds: 1_800_000_100)

    static let customers = TableSchema(
        name: "customers",
        columns: [
            ColumnSchema(name: "name", type: .text),
            ColumnSchema(name: "email", type: .text, isUnique: true),
            ColumnSchema(name: "visits", type: .integer),
            ColumnSchema(name: "score", type: .double),
            ColumnSchema(name: "active", type: .boolean),
            ColumnSchema(name: "balance", type: .money(scale: 2)),
            ColumnSchema(name: "born_on", type: .date),
            ColumnSchema(name: "seen_at", type: .timestamp),
            ColumnSchema(name: "tags", type: .textList),
        ])

    static let orders = TableSchema(
        name: "orders",
        columns: [
            ColumnSchema(name: "customer", type: .link(table: "customers")),
            ColumnSchema(name: "total", type: .money(scale: 2)),
        ])

    static let schema = [customers, orders]

    /// A backend with the `crm` app prepared.
    static func prepared(_ factory: BackendFactory, _ folder: TemporaryFolder) async throws -> any StorageBackend {
        let store = try await factory.make(folder)
        try await store.prepare(app: "crm", schema: schema)
        return store
    }

    /// Inserts one record per field list into `table` of app `crm`, returning them in order.
    static func insert(_ store: any StorageBackend, table: String = "customers", _ rows: [[String: Value]]) async throws -> [StoredRecord] {
        try await store.write(app: "crm") { transaction in
            try rows.map { try transaction.insert(table: table, fields: $0, revision: "r1", now: now) }
        }
    }

    /// Every record of a query, page by page, following `next`.
    static func allPages(_ store: any StorageBackend, _ query: RecordQuery, app: String = "crm") async throws -> [StoredRecord] {
        var query = query
        var records: [StoredRecord] = []
        for _ in 0..<1_000 {
            let page = try await store.read(app: app) { [query] in try $0.records(query) }
            records += page.records
            guard let next = page.next else { return records }
            query.after = next
        }
        Issue.record("paging did not end")
        return records
    }
}
