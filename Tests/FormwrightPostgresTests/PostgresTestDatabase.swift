import FormwrightPostgres
import FormwrightStorage
import Foundation

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
}
