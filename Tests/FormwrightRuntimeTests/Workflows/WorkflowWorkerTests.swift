import FormwrightCore
@testable import FormwrightRuntime
import FormwrightStorage
import Testing

@Suite struct WorkflowWorkerTests {
    static func order(_ store: WorkflowTestApp.Store, item: String, status: String) async throws -> StoredRecord {
        try await store.runtime.create(table: "orders", input: SubmissionInput(values: ["item": .string(item), "status": .string(status)], format: .json))
    }

    static func unavailable(_ call: IntegrationCall) -> IntegrationResponse {
        IntegrationResponse(status: 503, headers: [:], body: .null)
    }

    @Test(arguments: WorkflowTestApp.backends)
    func scoreSentimentSavesTheScoreAndOpensATask(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let runtime = store.runtime
        let unhappy = try await runtime.create(
            table: "conversations",
            input: SubmissionInput(values: ["transcript": .string("The service was terrible and I am very angry. Awful!")], format: .json))
        let happy = try await runtime.create(
            table: "conversations", input: SubmissionInput(values: ["transcript": .string("Wonderful help, thank you, great work")], format: .json))
        let worker = store.worker()
        #expect(try await worker.runNext())
        #expect(try await worker.runNext())
        #expect(try await !worker.runNext())
        let saved = try #require(try await runtime.record(table: "conversations", id: unhappy.id))
        guard case .double(let score)? = saved.fields["sentiment"] else { throw Failure("no sentiment saved") }
        #expect(score < -0.3)
        #expect(saved.fields["risk"] == .string("high"))
        #expect(saved.version == 2)
        let tasks = try await runtime.records(table: "tasks", limit: 10, after: nil).records
        #expect(tasks.count == 1)
        #expect(tasks.first?.fields["conversation"] == .string(unhappy.id))
        #expect(tasks.first?.fields["title"] == .string("Call back (negative)"))
        let fine = try #require(try await runtime.record(table: "conversations", id: happy.id))
        #expect(fine.fields["risk"] == .string("low"))
        // The workflow's own update starts no run: `sentiment_changed` watches exactly that change.
        let jobs = try await store.jobs()
        #expect(jobs.map(\.name) == ["score_sentiment", "score_sentiment"])
        #expect(jobs.allSatisfy { $0.state == .succeeded && $0.lastError == nil && $0.leaseOwner == nil })
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func retryableFailuresWaitTheBackoffAndKeepTheKey(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let record = try await Self.order(store, item: "pen", status: "new")
        let service = ScriptedService { call, number in number < 2 ? Self.unavailable(call) : WorkflowTestApp.okResponse }
        let worker = store.worker(transport: service)
        #expect(try await worker.runNext())
        var job = try await store.onlyJob()
        #expect(job.state == .pending)
        #expect(job.attempts == 1)
        #expect(job.dueAt == store.clock.now.adding(seconds: 2))
        #expect(job.lastError == "step 'price', try 1: calling POST https://pricing.example.com/quote/pen: the service answered 503")
        #expect(job.leaseOwner == nil)
        #expect(try await !worker.runNext())
        store.clock.advance(seconds: 2)
        #expect(try await worker.runNext())
        job = try await store.onlyJob()
        #expect(job.attempts == 2)
        #expect(job.state == .pending)
        store.clock.advance(seconds: 2)
        #expect(try await worker.runNext())
        job = try await store.onlyJob()
        #expect(job.state == .succeeded)
        #expect(job.lastError == nil)
        #expect(service.calls.count == 3)
        #expect(Set(service.calls.map(\.idempotencyKey)) == ["\(job.id):price"])
        #expect(service.calls.first?.body == .map(ValueMap([(.string("item"), .string("pen"))])))
        let saved = try #require(try await store.runtime.record(table: "orders", id: record.id))
        #expect(saved.fields["quote"] == .double(12.5))
        #expect(saved.fields["code"] == .string("Q"))
        #expect(saved.version == 3)
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func spentTriesFailTheRun(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        _ = try await Self.order(store, item: "pen", status: "new")
        let service = ScriptedService { call, _ in Self.unavailable(call) }
        let worker = store.worker(transport: service)
        for _ in 0..<3 {
            #expect(try await worker.runNext())
            store.clock.advance(seconds: 2)
        }
        #expect(try await !worker.runNext())
        let job = try await store.onlyJob()
        #expect(job.state == .failed)
        #expect(job.attempts == 3)
        #expect(job.lastError == "step 'price', try 3: calling POST https://pricing.example.com/quote/pen: the service answered 503")
        #expect(service.calls.count == 3)
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func permanentFailureFailsAtOnce(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let record = try await Self.order(store, item: "pen", status: "new")
        let service = ScriptedService { _, _ in IntegrationResponse(status: 400, headers: [:], body: .null) }
        #expect(try await store.worker(transport: service).runNext())
        let job = try await store.onlyJob()
        #expect(job.state == .failed)
        #expect(job.lastError == "step 'price', try 1: calling POST https://pricing.example.com/quote/pen: the service answered 400")
        #expect(service.calls.count == 1)
        let saved = try #require(try await store.runtime.record(table: "orders", id: record.id))
        #expect(saved.fields["quote"] == nil || saved.fields["quote"] == .null)
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func refusedStepWriteFailsAtOnceWithTheFieldErrors(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let record = try await Self.order(store, item: "keyboard", status: "paid")
        #expect(try await store.worker().runNext())
        let job = try await store.onlyJob()
        #expect(job.name == "code_order")
        #expect(job.state == .failed)
        #expect(job.attempts == 0)
        #expect(job.lastError == "step 'code': the record was refused: 'code': " + FieldProblem.tooLong(maximum: 3).message(for: ["en"]))
        let saved = try #require(try await store.runtime.record(table: "orders", id: record.id))
        #expect(saved.version == 1)
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func failStepEndsTheRun(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        _ = try await Self.order(store, item: "desk", status: "shipped")
        #expect(try await store.worker().runNext())
        let job = try await store.onlyJob()
        #expect(job.state == .failed)
        #expect(job.lastError == "step 'refuse': cannot ship desk")
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func takenOverRunResumesAfterItsLastCommittedStep(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let record = try await Self.order(store, item: "pen", status: "new")
        // The first worker commits `mark`, then hangs in the call as a crashed process would.
        let hanging = ScriptedService { _, _ throws(IntegrationFailure) in
            do { try await Task.sleep(for: .seconds(3600)) } catch { throw IntegrationFailure(.network, "cut off") }
            return WorkflowTestApp.okResponse
        }
        let first = store.worker("worker-1", transport: hanging)
        let stuck = Task { try await first.runNext() }
        for _ in 0..<500 where hanging.calls.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        #expect(hanging.calls.count == 1)
        store.clock.advance(seconds: Int64(WorkflowWorker.defaultLeaseSeconds) + 1)
        let service = ScriptedService { _, _ in WorkflowTestApp.okResponse }
        #expect(try await store.worker("worker-2", transport: service).runNext())
        // Cut off, the first worker finds the run taken over (or, on a store that honours
        // cancellation, cannot write at all); either way it leaves the run as the second left it.
        stuck.cancel()
        _ = await stuck.result
        let job = try await store.onlyJob()
        #expect(job.state == .succeeded)
        #expect(service.calls.map(\.idempotencyKey) == hanging.calls.map(\.idempotencyKey))
        let saved = try #require(try await store.runtime.record(table: "orders", id: record.id))
        #expect(saved.version == 3)
        #expect(saved.fields["quote"] == .double(12.5))
        try await store.close()
    }

    @Test func unknownRevisionWaitsOneLeaseThenFails() async throws {
        let store = try await WorkflowTestApp.open("memory")
        _ = try await Self.order(store, item: "desk", status: "shipped")
        let clock = store.clock
        let worker = WorkflowWorker(
            app: store.runtime.name, storage: store.runtime.storage, definitions: DefinitionRegistry(), transport: ScriptedService { _, _ in WorkflowTestApp.okResponse },
            owner: "other", environment: [:], clock: { clock.now }, random: { 1 })
        #expect(try await worker.runNext())
        var job = try await store.onlyJob()
        #expect(job.state == .pending)
        #expect(try await !worker.runNext())
        store.clock.advance(seconds: Int64(WorkflowWorker.defaultLeaseSeconds))
        #expect(try await worker.runNext())
        job = try await store.onlyJob()
        #expect(job.state == .failed)
        #expect(job.lastError?.hasPrefix("definition revision '\(store.runtime.definition.revision)'") == true)
        try await store.close()
    }
}
