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

    /// Every backend that must behave like the reference (PostgreSQL joins when it arrives).
    static let all = [memory, sqlite]
}
