import FormwrightCore
import FormwrightPostgres
import FormwrightStorage
import Foundation
import Synchronization

/// A PostgreSQL store seen through app names unique to one test.
///
/// The suite's bodies name fixed apps (`crm`, `east-pod`); tests run in parallel on one
/// database, so each name gets a suffix of this store's own (`crm-k3x9…`) and no two tests
/// share a schema. `close()` drops every schema this store prepared or migrated.
final class ScratchPostgresStorage: StorageBackend {
    let store: PostgresStorage
    private let suffix: String
    private let prepared = Mutex<Set<String>>([])

    init(store: PostgresStorage) {
        self.store = store
        suffix = String(UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(10))
    }

    /// Another store, with a connection pool of its own, that sees the same scoped apps — as a
    /// second process on the same database would; closing it drops nothing.
    init(sibling: ScratchPostgresStorage, store: PostgresStorage) {
        self.store = store
        suffix = sibling.suffix
    }

    /// The app's name in the database; the empty name stays empty so that it is still refused.
    func scoped(_ app: String) -> String {
        app.isEmpty ? app : "\(app)-\(suffix)"
    }

    func prepare(app: String, schema: [TableSchema]) async throws {
        let name = scoped(app)
        remember(name)
        try await store.prepare(app: name, schema: schema)
    }

    /// Notes a scoped app name, so that `close()` drops it.
    func remember(_ name: String) {
        prepared.withLock { _ = $0.insert(name) }
    }

    func read<T: Sendable>(app: String, _ body: @Sendable (any ReadTransaction) throws -> T) async throws -> T {
        try await store.read(app: scoped(app), body)
    }

    func write<T: Sendable>(app: String, _ body: @Sendable (any WriteTransaction) throws -> T) async throws -> T {
        try await store.write(app: scoped(app), body)
    }

    func claimJob(app: String, owner: String, now: Timestamp, leaseUntil: Timestamp, kinds: Set<String>?) async throws -> Job? {
        try await store.claimJob(app: scoped(app), owner: owner, now: now, leaseUntil: leaseUntil, kinds: kinds)
    }

    func close() async throws {
        let apps = prepared.withLock { apps in
            defer { apps = [] }
            return apps
        }
        for app in apps.sorted() {
            // Names the store refused were never created.
            try? await store.drop(app: app)
        }
        try await store.close()
    }
}
