import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightServer
import FormwrightStorage
import Foundation
import Synchronization
import Testing

/// Reloading changed app files while serving: changes swapped in after their migration, errors
/// and refused migrations leaving the running app as it was.
@Suite struct AppReloaderTests {
    /// A workspace folder of its own, with lines reported by the reloader collected.
    final class Workspace: Sendable {
        let root: String
        let lines = Mutex<[String]>([])

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("reload-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func write(_ app: String, _ yaml: String, seeds: [String: String] = [:]) throws {
            let folder = (root as NSString).appendingPathComponent(app)
            try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
            try yaml.write(toFile: folder + "/app.yaml", atomically: true, encoding: .utf8)
            for (table, csv) in seeds { try csv.write(toFile: folder + "/data/\(table).csv", atomically: true, encoding: .utf8) }
        }

        func remove(_ app: String) throws {
            try FileManager.default.removeItem(atPath: (root as NSString).appendingPathComponent(app))
        }

        var reported: String { lines.withLock { $0.joined(separator: "\n") } }

        /// The apps under the workspace, prepared on `storage`, in a registry, and a reloader over them.
        func serve(on storage: any StorageBackend) async throws -> (AppRegistry, AppReloader) {
            var runtimes: [AppRuntime] = []
            for loaded in try DefinitionLoader().load(path: root) {
                let runtime = AppRuntime(definition: try #require(loaded.definition), storage: storage)
                try await runtime.prepare()
                runtimes.append(runtime)
            }
            let registry = AppRegistry(runtimes)
            return (registry, AppReloader(path: root, registry: registry, storage: storage) { [self] line in self.lines.withLock { $0.append(line) } })
        }
    }

    static func notes(_ extra: String = "") -> String {
        """
        formwright: 1
        app: notes
        tables:
          notes:
            fields:
              title: { type: text, required: true }
              pages: { type: number }
        \(extra)
        """
    }

    @Test func changedAppIsMigratedAndSwappedIn() async throws {
        let workspace = try Workspace()
        try workspace.write("notes", Self.notes())
        let storage = MemoryStorage()
        let (registry, reloader) = try await workspace.serve(on: storage)
        let before = try #require(registry.app("notes"))
        try workspace.write("notes", Self.notes().replacingOccurrences(of: "pages: { type: number }", with: "pages: { type: number }\n      mood: { type: text }"))
        await reloader.reload()
        let after = try #require(registry.app("notes"))
        #expect(after.definition.revision != before.definition.revision)
        let record = try await after.create(table: "notes", input: SubmissionInput(values: ["title": .string("a"), "mood": .string("calm")], format: .json))
        #expect(record.fields["mood"] == .string("calm"))
        #expect(workspace.reported.contains("reload: app 'notes' reloaded\n  + add field 'mood'"))
    }

    @Test func filesWithErrorsLeaveTheRunningAppAsItWas() async throws {
        let workspace = try Workspace()
        try workspace.write("notes", Self.notes())
        let (registry, reloader) = try await workspace.serve(on: MemoryStorage())
        let before = try #require(registry.app("notes"))
        try workspace.write("notes", Self.notes().replacingOccurrences(of: "type: number", with: "type: numbr"))
        await reloader.reload()
        #expect(registry.app("notes")?.definition.revision == before.definition.revision)
        #expect(workspace.reported.contains("has errors; the app keeps running as it was"))
        #expect(workspace.reported.contains("app.yaml:7:"))
        #expect(workspace.reported.contains("did you mean 'number'?"))
    }

    @Test func refusedMigrationLeavesTheRunningAppAsItWas() async throws {
        let workspace = try Workspace()
        try workspace.write("notes", Self.notes())
        let storage = MemoryStorage()
        let (registry, reloader) = try await workspace.serve(on: storage)
        let before = try #require(registry.app("notes"))
        _ = try await before.create(table: "notes", input: SubmissionInput(values: ["title": .string("a"), "pages": .double(1.5)], format: .json))
        try workspace.write("notes", Self.notes().replacingOccurrences(of: "type: number", with: "type: integer"))
        await reloader.reload()
        #expect(registry.app("notes")?.definition.revision == before.definition.revision)
        #expect(workspace.reported.contains("reload: app 'notes' could not be prepared on the store; the app keeps running as it was"))
        let count = try await storage.read(app: "notes") { try $0.count(table: "notes") }
        #expect(count == 1)
    }

    @Test func newAppsAreServedWithTheirSeedsAndRemovedAppsAreNot() async throws {
        let workspace = try Workspace()
        try workspace.write("notes", Self.notes())
        let storage = MemoryStorage()
        let (registry, reloader) = try await workspace.serve(on: storage)
        try workspace.write(
            "todo", Self.notes().replacingOccurrences(of: "app: notes", with: "app: todo"), seeds: ["notes": "title,pages\nfirst,1\nsecond,2\n"])
        try workspace.remove("notes")
        await reloader.reload()
        #expect(registry.all.map(\.name) == ["todo"])
        let count = try await storage.read(app: "todo") { try $0.count(table: "notes") }
        #expect(count == 2)
        #expect(workspace.reported.contains("reload: now serving app 'todo' with its seed data"))
        #expect(workspace.reported.contains("reload: app 'notes' is no longer under"))
    }

    @Test func watchingNoticesAChange() async throws {
        let workspace = try Workspace()
        try workspace.write("notes", Self.notes())
        let (registry, reloader) = try await workspace.serve(on: MemoryStorage())
        let before = try #require(registry.app("notes")).definition.revision
        let watcher = Task { await reloader.watch(every: .milliseconds(20)) }
        defer { watcher.cancel() }
        try await Task.sleep(for: .milliseconds(100))
        try workspace.write("notes", Self.notes("forms:\n  add:\n    table: notes\n    fields: [title]"))
        for _ in 0..<500 where registry.app("notes")?.definition.revision == before {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(registry.app("notes")?.definition.revision != before)
        #expect(registry.app("notes")?.definition.forms.map(\.name.value) == ["add"])
    }
}
