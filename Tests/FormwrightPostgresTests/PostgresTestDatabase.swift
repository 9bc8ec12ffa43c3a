import FormwrightPostgres
import FormwrightStorage
import Foundation
import PostgresNIO

/// The database the PostgreSQL tests use, named by `FORMWRIGHT_POSTGRES_URL`; tests that need it
/// are skipped when it is not set.
enum PostgresTestDatabase {
    static let url = ProcessInfo.processInfo.environment["FORMWRIGHT_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    static var isConfigured: Bool { url != nil }

    /// A new store on the test database.
    static func open() async throws -> PostgresStorage {
        guard let url else { throw StorageError(.unavailable, "FORMWRIGHT_POSTGRES_URL is not set") }
        var configuration = PostgresStorage.Configuration(address: try PostgresAddress(parsing: url))
        configuration.maximumConnections = 3
        configuration.openTimeout = .seconds(10)
        return try await PostgresStorage(configuration: configuration)
    }

    /// An app name no other test uses.
    static func freshApp(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(10))"
    }

    /// The indexes of an app's tables as PostgreSQL lists them (`pg_indexes`), the job queue's left out: name → definition.
    static func indexes(app: String) async throws -> [String: String] {
        guard let url else { throw StorageError(.unavailable, "FORMWRIGHT_POSTGRES_URL is not set") }
        let address = try PostgresAddress(parsing: url)
        let configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password, database: address.database,
            tls: .disable)
        let logger = Logger(label: "formwright-tests")
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let rows = try await connection.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = \(app) AND tablename <> 'Jobs'", logger: logger)
            var found: [String: String] = [:]
            for try await (name, definition) in rows.decode((String, String).self) { found[name] = definition }
            try await connection.close()
            return found
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
