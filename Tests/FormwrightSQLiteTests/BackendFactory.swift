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

    /// Every backend that must behave like the reference.
    static let all = [memory, sqlite]
}

/// A folder of its own for one test, removed when the test is done with it.
final class TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
