import FormwrightCore
import FormwrightDefinition
import FormwrightStorage
import Testing

@testable import FormwrightRuntime

/// A `readonly` field is refused from forms and the records API, but a workflow step may set it.
@Suite struct WorkflowTrustedWriteTests {
    static let yaml = """
        formwright: 1
        app: trusted-writes
        tables:
          conversations:
            fields:
              transcript: { type: longtext, required: true }
              sentiment: { type: number, min: -1, max: 1, readonly: true }
              risk: { type: choice, options: [unknown, low, high],
                      compute: "sentiment == null ? 'unknown' : sentiment < -0.3 ? 'high' : 'low'" }
          reviews:
            fields:
              conversation: { type: link, table: conversations, required: true, unique: true }
              verdict: { type: text, readonly: true }
        forms:
          log:
            table: conversations
            fields: [transcript, sentiment]
        integrations:
          sentiment:
            kind: sentiment
        workflows:
          score:
            on: { created: conversations }
            steps:
              - id: score
                call: sentiment
                with: { text: "= record.transcript" }
              - id: save
                update: { sentiment: "= steps.score.score" }
              - id: review
                create: reviews
                values: { conversation: "= record.id", verdict: "= steps.save.risk" }
              - id: again
                upsert: reviews
                key: conversation
                values: { conversation: "= record.id", verdict: "= 'checked ' + steps.save.risk" }
        """

    static func open() async throws -> AppRuntime {
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        let definition = try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
        let runtime = AppRuntime(definition: definition, storage: MemoryStorage())
        try await runtime.prepare()
        return runtime
    }

    static func jobs(_ runtime: AppRuntime) async throws -> [Job] {
        try await runtime.storage.read(app: runtime.name) { try $0.jobs(JobQuery(limit: 10)) }
    }

    @Test func theRecordsAPIRefusesAReadOnlyFieldAndWritesNothing() async throws {
        let runtime = try await Self.open()
        let input = SubmissionInput(values: ["transcript": .string("Terrible, I want a refund"), "sentiment": .double(0.9)], format: .json)
        await #expect(throws: SubmissionRejected([FieldError(field: "sentiment", problem: .readOnly)])) {
            try await runtime.create(table: "conversations", input: input)
        }
        #expect(try await runtime.records(table: "conversations", limit: 10, after: nil).records.isEmpty)
        #expect(try await Self.jobs(runtime).isEmpty)
    }

    @Test func aFormRefusesAReadOnlyFieldAndWritesNothing() async throws {
        let runtime = try await Self.open()
        let input = SubmissionInput(values: ["transcript": .string("Fine"), "sentiment": .string("0.5")], format: .form)
        await #expect(throws: SubmissionRejected([FieldError(field: "sentiment", problem: .readOnly)])) {
            try await runtime.submit(form: "log", input: input)
        }
        #expect(try await runtime.records(table: "conversations", limit: 10, after: nil).records.isEmpty)
        #expect(try await Self.jobs(runtime).isEmpty)
    }

    @Test func anUpdateThroughTheAPIRefusesAReadOnlyField() async throws {
        let runtime = try await Self.open()
        let record = try await runtime.create(
            table: "conversations", input: SubmissionInput(values: ["transcript": .string("Fine")], format: .json))
        await #expect(throws: SubmissionRejected([FieldError(field: "sentiment", problem: .readOnly)])) {
            try await runtime.update(
                table: "conversations", id: record.id, input: SubmissionInput(values: ["sentiment": .double(-1)], format: .json),
                expectedVersion: nil)
        }
        let stored = try #require(try await runtime.record(table: "conversations", id: record.id))
        #expect(stored.version == 1)
        #expect((stored.fields["sentiment"] ?? .null) == .null)
    }

    @Test func workflowStepsSetReadOnlyFields() async throws {
        let runtime = try await Self.open()
        let record = try await runtime.create(
            table: "conversations", input: SubmissionInput(values: ["transcript": .string("Terrible service, I am very angry")], format: .json))
        let worker = WorkflowWorker(
            app: runtime.name, storage: runtime.storage, definitions: DefinitionRegistry(runtime.definition),
            transport: ScriptedService { _, _ in WorkflowTestApp.okResponse }, owner: "worker", environment: [:])
        #expect(try await worker.runNext())
        let job = try #require(try await Self.jobs(runtime).first)
        #expect(job.state == .succeeded)
        #expect(job.lastError == nil)
        let saved = try #require(try await runtime.record(table: "conversations", id: record.id))
        guard case .double(let score)? = saved.fields["sentiment"] else { throw Failure("no sentiment saved: \(saved.fields)") }
        #expect(score < -0.3)
        #expect(saved.fields["risk"] == .string("high"))
        let reviews = try await runtime.records(table: "reviews", limit: 10, after: nil).records
        #expect(reviews.count == 1)
        #expect(reviews.first?.fields["verdict"] == .string("checked high"))
        #expect(reviews.first?.version == 2)
    }

    @Test func aStepCannotWriteAComputedField() {
        let yaml = Self.yaml.replacingOccurrences(of: "update: { sentiment: \"= steps.score.score\" }", with: "update: { risk: high }")
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        #expect(loaded.definition == nil)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.map(\.id) == ["definition.computedFieldWrite"])
    }
}
