import FormwrightDefinition
import FormwrightRuntime
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

/// An app folder on disk (with optional seed files) and a store of its own, for import, export and seed tests.
final class ImportTestApp: Sendable {
    static let yaml = """
        formwright: 1
        app: sales
        tables:
          customers:
            fields:
              name: { type: text, required: true, max_length: 40 }
              region: { type: choice, options: [east, north, south, west] }
              code: { type: text, unique: true }
          deals:
            fields:
              customer: { type: link, table: customers, required: true }
              title: { type: text }
              amount: { type: money }
              closes_on: { type: date }
              touched_at: { type: datetime }
              tags: { type: multichoice, options: [hot, cold, renewal] }
              score: { type: number }
              seats: { type: integer }
              won: { type: boolean }
              fixed: { type: text, readonly: true }
        """

    let folder: URL

    init(seeds: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Self.yaml.write(to: folder.appendingPathComponent("app.yaml"), atomically: true, encoding: .utf8)
        for (table, text) in seeds {
            try text.write(to: folder.appendingPathComponent("data/\(table).csv"), atomically: true, encoding: .utf8)
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var storePath: String { folder.appendingPathComponent("store/data.sqlite").path }

    func definition() throws -> AppDefinition {
        let loaded = try DefinitionLoader().load(path: folder.path)
        return try #require(loaded.first?.definition, "\(loaded.first?.diagnostics.map(\.message) ?? [])")
    }

    /// The app on a fresh or reopened SQLite store, prepared.
    func sqliteRuntime() async throws -> AppRuntime {
        let runtime = AppRuntime(definition: try definition(), storage: try await SQLiteStorage(path: storePath))
        try await runtime.prepare()
        return runtime
    }

    /// The app on a new memory store, prepared.
    func memoryRuntime() async throws -> AppRuntime {
        let runtime = AppRuntime(definition: try definition(), storage: MemoryStorage())
        try await runtime.prepare()
        return runtime
    }
}
