import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

/// A run finishes under the definition revision it started with, even after the app changed.
@Suite struct WorkflowRevisionTests {
    static func yaml(stage: String) -> String {
        """
        formwright: 1
        app: revisions
        tables:
          notes:
            fields:
              text: { type: text, required: true }
              stage: { type: text }
        workflows:
          stamp:
            on: { created: notes }
            steps:
              - id: stamp
                update: { stage: \(stage) }
        """
    }

    static func definition(stage: String) throws -> AppDefinition {
        let loaded = DefinitionLoader().load(bytes: Array(yaml(stage: stage).utf8), path: "app.yaml")
        return try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
    }

    @Test func aRunFinishesUnderTheRevisionItStartedWith() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workflow-revisions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let storage = try await SQLiteStorage(path: folder.appendingPathComponent("data.sqlite").path)
        let first = try Self.definition(stage: "first")
        let second = try Self.definition(stage: "second")
        #expect(first.revision != second.revision)
        let before = AppRuntime(definition: first, storage: storage)
        try await before.prepare()
        let early = try await before.create(table: "notes", input: SubmissionInput(values: ["text": .string("early")], format: .json))
        // The app file changes; the reloaded app serves the new revision from now on.
        let after = AppRuntime(definition: second, storage: storage)
        try await after.prepare()
        let late = try await after.create(table: "notes", input: SubmissionInput(values: ["text": .string("late")], format: .json))
        let jobs = try await storage.read(app: "revisions") { try $0.jobs(JobQuery(limit: 10)) }
        #expect(Set(jobs.map(\.revision)) == [first.revision, second.revision])

        let worker = WorkflowWorker(
            app: "revisions", storage: storage, definitions: DefinitionRegistry(first, second),
            transport: ScriptedService { _, _ in WorkflowTestApp.okResponse }, owner: "worker", environment: [:])
        #expect(try await worker.runNext())
        #expect(try await worker.runNext())
        #expect(try await !worker.runNext())
        #expect(try await after.record(table: "notes", id: early.id)?.fields["stage"] == .string("first"))
        #expect(try await after.record(table: "notes", id: late.id)?.fields["stage"] == .string("second"))
        let finished = try await storage.read(app: "revisions") { try $0.jobs(JobQuery(limit: 10)) }
        #expect(finished.allSatisfy { $0.state == .succeeded })
        try await storage.close()
    }
}
