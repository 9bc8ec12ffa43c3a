import FormwrightPostgres
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

/// One backend the conformance suite runs against, made fresh for each test in its own folder.
struct BackendFactory: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable (TemporaryFolder) async throws -> any StorageBackend

    var testDescription: String { name }

    static let memory = BackendFactory(name: "memory") { _ in MemoryStorage() }
    static let sqlite = BackendFactory(name: "sqlite") { folder in try await SQLiteStorage(path: folder.path("data.sqlite")) }

    /// The database named by `FORMWRIGHT_POSTGRES_URL`, or nil when it is not set.
    static let postgresURL = ProcessInfo.processInfo.environment["FORMWRIGHT_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// PostgreSQL, each test with app names of its own (see ``ScratchPostgresStorage``).
    static let postgres = BackendFactory(name: "postgres") { _ in
        ScratchPostgresStorage(store: try await openPostgres())
    }

    /// A new PostgreSQL store on the database `FORMWRIGHT_POSTGRES_URL` names.
    static func openPostgres() async throws -> PostgresStorage {
        guard let url = postgresURL else { throw StorageError(.unavailable, "FORMWRIGHT_POSTGRES_URL is not set") }
        var configuration = PostgresStorage.Configuration(address: try PostgresAddress(parsing: url))
        configuration.maximumConnections = 3
        configuration.openTimeout = .seconds(10)
        return try await PostgresStorage(configuration: configuration)
    }

    /// A second store on the same data as `store`, as another process would open it: a new
    /// connection to the SQLite file or a new PostgreSQL pool; the in-memory store is itself.
    func sibling(of store: any StorageBackend, _ folder: TemporaryFolder) async throws -> any StorageBackend {
        switch store {
        case let scratch as ScratchPostgresStorage: ScratchPostgresStorage(sibling: scratch, store: try await Self.openPostgres())
        case is SQLiteStorage: try await SQLiteStorage(path: folder.path("data.sqlite"))
        default: store
        }
    }

    /// Every backend that must behave like the reference; PostgreSQL joins when
    /// `FORMWRIGHT_POSTGRES_URL` names a database.
    static let all = [memory, sqlite] + (postgresURL == nil ? [] : [postgres])

    /// Every backend but the reference, for the differential test.
    static let others = all.filter { $0.name != memory.name }
}
