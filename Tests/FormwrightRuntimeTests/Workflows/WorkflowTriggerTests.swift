import FormwrightCore
@testable import FormwrightRuntime
import FormwrightStorage
import Testing

@Suite struct WorkflowTriggerTests {
    @Test(arguments: WorkflowTestApp.backends)
    func runIsEnqueuedWithTheRecord(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let record = try await store.runtime.create(
            table: "conversations", input: SubmissionInput(values: ["transcript": .string("Great service, thank you")], format: .json))
        let job = try await store.onlyJob()
        #expect(job.kind == "workflow")
        #expect(job.name == "score_sentiment")
        #expect(job.state == .pending)
        #expect(job.dedupKey == "conversations:\(record.id):score_sentiment:created:1")
        #expect(job.revision == store.runtime.definition.revision)
        let run = try WorkflowRun(payload: job.payload)
        #expect(run.recordID == record.id)
        #expect(run.step == 0)
        guard case .map(let fields) = run.record else { throw Failure("record is not a map") }
        #expect(fields[.string("transcript")] == .string("Great service, thank you"))
        #expect(fields[.string("version")] == .int(1))
        #expect(fields[.string("created_at")] == .timestamp(record.createdAt))
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func refusedWriteEnqueuesNothing(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        await #expect(throws: SubmissionRejected([FieldError(field: "transcript", problem: .required)])) {
            try await store.runtime.create(table: "conversations", input: SubmissionInput(values: [:], format: .json))
        }
        #expect(try await store.jobs().isEmpty)
        #expect(try await store.runtime.records(table: "conversations", limit: 10, after: nil).records.isEmpty)
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func triggerConditionChoosesRuns(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        _ = try await store.runtime.create(table: "orders", input: SubmissionInput(values: ["item": .string("pen")], format: .json))
        #expect(try await store.jobs().isEmpty)
        _ = try await store.runtime.create(
            table: "orders", input: SubmissionInput(values: ["item": .string("pen"), "status": .string("new")], format: .json))
        #expect(try await store.onlyJob().name == "quote_order")
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func updateRunsSeeOldAndAnUnchangedUpdateStartsNone(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let runtime = store.runtime
        let record = try await runtime.create(
            table: "conversations", input: SubmissionInput(values: ["transcript": .string("fine"), "sentiment": .double(0.1)], format: .json))
        _ = try await runtime.update(
            table: "conversations", id: record.id, input: SubmissionInput(values: ["sentiment": .double(0.1)], format: .json), expectedVersion: nil)
        #expect(try await store.jobs().map(\.name) == ["score_sentiment"])
        _ = try await runtime.update(
            table: "conversations", id: record.id, input: SubmissionInput(values: ["sentiment": .double(-0.5)], format: .json), expectedVersion: nil)
        let names = try await store.jobs().map(\.name).sorted()
        #expect(names == ["score_sentiment", "sentiment_changed"])
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func sameEventEnqueuesOnce(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let runtime = store.runtime
        let record = try await runtime.create(
            table: "conversations", input: SubmissionInput(values: ["transcript": .string("hello")], format: .json))
        let table = try #require(runtime.definition.table(named: "conversations"))
        let triggers = WorkflowTriggers(app: runtime.definition)
        let now = Timestamp.now
        try await runtime.storage.write(app: runtime.name) { transaction in
            try triggers.enqueue(.created, table: table, record: record, old: nil, in: transaction, now: now)
        }
        #expect(try await store.jobs().count == 1)
        try await store.close()
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
