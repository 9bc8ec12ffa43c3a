import FormwrightCore
import FormwrightStorage

/// A small schema for the SQLite-only tests; the conformance suite has its own.
enum SQLiteFixtures {
    static let now = Timestamp(seconds: 1_800_000_000)

    static let schema = [
        TableSchema(
            name: "customers",
            columns: [
                ColumnSchema(name: "name", type: .text), ColumnSchema(name: "email", type: .text, isUnique: true),
                ColumnSchema(name: "seen_at", type: .timestamp), ColumnSchema(name: "tags", type: .textList),
            ]),
        TableSchema(
            name: "orders",
            columns: [ColumnSchema(name: "customer", type: .link(table: "customers")), ColumnSchema(name: "total", type: .money(scale: 2))]),
    ]

    /// Inserts one customer per field list into app `crm`.
    static func insert(_ store: any StorageBackend, _ rows: [[String: Value]]) async throws -> [StoredRecord] {
        try await store.write(app: "crm") { transaction in
            try rows.map { try transaction.insert(table: "customers", fields: $0, revision: "r1", now: now) }
        }
    }
}
