import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

/// A workflow's own writes start no runs, unless it says `retrigger: true`.
@Suite struct WorkflowRetriggerTests {
    static func yaml(retrigger: Bool) -> String {
        """
        formwright: 1
        app: retrigger
        tables:
          counters:
            fields:
              n: { type: integer, required: true }
        workflows:
          bump:
            on: { updated: counters, when: "record.n < 3" }
            retrigger: \(retrigger)
            steps:
              - id: bump
                update: { n: "= record.n + 1" }
        """
    }

    @Test(arguments: [false, true])
    func ownWritesStartRunsOnlyWhenAsked(_ retrigger: Bool) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workflow-retrigger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let storage = try await SQLiteStorage(path: folder.appendingPathComponent("data.sqlite").path)
        let loaded = DefinitionLoader().load(bytes: Array(Self.yaml(retrigger: retrigger).utf8), path: "app.yaml")
        let definition = try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
        let runtime = AppRuntime(definition: definition, storage: storage)
        try await runtime.prepare()
        let counter = try await runtime.create(table: "counters", input: SubmissionInput(values: ["n": .int(0)], format: .json))
        _ = try await runtime.update(
            table: "counters", id: counter.id, input: SubmissionInput(values: ["n": .int(1)], format: .json), expectedVersion: nil)
        let worker = WorkflowWorker(
            app: runtime.name, storage: storage, definitions: DefinitionRegistry(definition),
            transport: ScriptedService { _, _ in WorkflowTestApp.okResponse }, owner: "worker", environment: [:])
        var runs = 0
        while try await worker.runNext(), runs < 10 { runs += 1 }
        // Without retrigger the update's run bumps 1 to 2 and stops; with it, 2 starts a run
        // that bumps it to 3, where the trigger's `when` stops the loop.
        #expect(runs == (retrigger ? 2 : 1))
        let saved = try #require(try await runtime.record(table: "counters", id: counter.id))
        #expect(saved.fields["n"] == .int(retrigger ? 3 : 2))
        let jobs = try await storage.read(app: "retrigger") { try $0.jobs(JobQuery(limit: 10)) }
        #expect(jobs.count == runs)
        #expect(jobs.allSatisfy { $0.state == .succeeded })
        try await storage.close()
    }
}
