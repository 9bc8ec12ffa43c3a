import FormwrightCore
@testable import FormwrightRuntime
import FormwrightStorage
import Testing

/// The history of step attempts a run keeps in its payload, as the execution view shows it.
@Suite struct WorkflowHistoryTests {
    static let priceError = "step 'price', try 1: calling POST https://pricing.example.com/quote/pen: the service answered 503"

    static func outcomes(_ step: ExecutionView.Step?) -> [StepAttempt.Outcome?] {
        step?.attempts.map(\.outcome) ?? []
    }

    @Test(arguments: WorkflowTestApp.backends)
    func historyRecordsSuccessRetryAndTheirTimes(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let record = try await WorkflowWorkerTests.order(store, item: "pen", status: "new")
        let service = ScriptedService { call, number in number == 0 ? WorkflowWorkerTests.unavailable(call) : WorkflowTestApp.okResponse }
        let worker = store.worker(transport: service)
        let firstTry = store.clock.now
        #expect(try await worker.runNext())
        store.clock.advance(seconds: 2)
        #expect(try await worker.runNext())
        let job = try await store.onlyJob()
        let view = try await store.runtime.execution(id: job.id)
        #expect(view.state == .succeeded && view.workflow == "quote_order" && view.change == "created")
        #expect(view.table == "orders" && view.recordID == record.id && view.revision == store.runtime.definition.revision)
        #expect(view.nextStep == nil && view.lastError == nil && view.droppedAttempts == 0)
        #expect(view.steps.map(\.id) == ["mark", "price", "save"])
        #expect(view.steps.map(\.status) == [.succeeded, .succeeded, .succeeded])
        #expect(view.history.map(\.step) == ["mark", "price", "price", "save"])
        #expect(view.history.map(\.tryNumber) == [1, 1, 2, 1])
        #expect(view.history.map(\.outcome) == [.succeeded, .retrying, .succeeded, .succeeded])
        let retried = view.history[1]
        #expect(retried.error == Self.priceError)
        #expect(retried.startedAt == firstTry && retried.finishedAt == firstTry)
        #expect(retried.nextTryAt == firstTry.adding(seconds: 2))
        #expect(retried.durationMilliseconds == 0)
        #expect(view.history[2].startedAt == firstTry.adding(seconds: 2))
        #expect(view.history.allSatisfy { $0.finishedAt != nil && $0.durationMilliseconds != nil })
        #expect(view.steps[1].outputs == ValueMap([(.string("price"), .double(12.5))]))
        #expect(view.steps[2].outputs?[.string("quote")] == .double(12.5))
        // The stored payload holds the same history.
        #expect(try WorkflowRun(payload: job.payload).history.count == 4)
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func skippedStepIsRecorded(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        _ = try await store.runtime.create(
            table: "conversations", input: SubmissionInput(values: ["transcript": .string("Wonderful help, thank you, great work")], format: .json))
        #expect(try await store.worker().runNext())
        let view = try await store.runtime.execution(id: try await store.onlyJob().id)
        #expect(view.state == .succeeded)
        #expect(view.steps.map(\.status) == [.succeeded, .succeeded, .skipped])
        #expect(Self.outcomes(view.steps.last) == [.skipped])
        #expect(view.steps.last?.outputs == nil)
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func failedRunShowsEveryTryAndTheFailedStep(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        _ = try await WorkflowWorkerTests.order(store, item: "pen", status: "new")
        let worker = store.worker(transport: ScriptedService { call, _ in WorkflowWorkerTests.unavailable(call) })
        for _ in 0..<3 {
            #expect(try await worker.runNext())
            store.clock.advance(seconds: 2)
        }
        let view = try await store.runtime.execution(id: try await store.onlyJob().id)
        #expect(view.state == .failed)
        #expect(view.nextStep == "price")
        #expect(view.steps.map(\.status) == [.succeeded, .failed, .waiting])
        let price = try #require(view.steps.first { $0.id == "price" })
        #expect(price.attempts.map(\.tryNumber) == [1, 2, 3])
        #expect(Self.outcomes(price) == [.retrying, .retrying, .failed])
        #expect(price.attempts.last?.nextTryAt == nil)
        #expect(price.attempts.last?.error == view.lastError)
        #expect(view.lastError?.hasPrefix("step 'price', try 3: ") == true)
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func refusedWriteRecordsItsFailedAttempt(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        _ = try await WorkflowWorkerTests.order(store, item: "keyboard", status: "paid")
        #expect(try await store.worker().runNext())
        let view = try await store.runtime.execution(id: try await store.onlyJob().id)
        #expect(view.steps.map(\.status) == [.failed])
        #expect(Self.outcomes(view.steps.first) == [.failed])
        #expect(view.steps.first?.attempts.first?.error == view.lastError)
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func callCutShortByACrashShowsAsInterrupted(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        _ = try await WorkflowWorkerTests.order(store, item: "pen", status: "new")
        let hanging = ScriptedService { _, _ throws(IntegrationFailure) in
            do { try await Task.sleep(for: .seconds(3600)) } catch { throw IntegrationFailure(.network, "cut off") }
            return WorkflowTestApp.okResponse
        }
        let first = store.worker("worker-1", transport: hanging)
        let stuck = Task { try await first.runNext() }
        for _ in 0..<500 where hanging.calls.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        #expect(hanging.calls.count == 1)
        let id = try await store.onlyJob().id
        // While the first worker holds the run, its unfinished attempt is running.
        let during = try await store.runtime.execution(id: id, now: store.clock.now)
        #expect(during.state == .running)
        #expect(during.steps.map(\.status) == [.succeeded, .running, .waiting])
        #expect(Self.outcomes(during.steps[1]) == [.running])
        store.clock.advance(seconds: Int64(WorkflowWorker.defaultLeaseSeconds) + 1)
        // Once the lease has run out, the attempt is seen as interrupted, before any worker takes the run over.
        let lapsed = try await store.runtime.execution(id: id, now: store.clock.now)
        #expect(lapsed.state == .running)
        #expect(lapsed.steps.map(\.status) == [.succeeded, .waiting, .waiting])
        #expect(Self.outcomes(lapsed.steps[1]) == [.interrupted])
        #expect(try await store.worker("worker-2", transport: ScriptedService { _, _ in WorkflowTestApp.okResponse }).runNext())
        stuck.cancel()
        _ = await stuck.result
        let after = try await store.runtime.execution(id: id)
        #expect(after.state == .succeeded)
        let price = try #require(after.steps.first { $0.id == "price" })
        #expect(price.attempts.map(\.tryNumber) == [1, 2])
        #expect(Self.outcomes(price) == [.interrupted, .succeeded])
        #expect(price.attempts.first?.finishedAt == nil && price.attempts.first?.durationMilliseconds == nil)
        #expect(after.history.map(\.step) == ["mark", "price", "price", "save"])
        try await store.close()
    }

    @Test func historyKeepsTheLastAttemptsAndReadsOldPayloads() throws {
        var run = WorkflowRun(
            workflow: "w", change: .created, table: "t", recordID: "r1", revision: "v1", record: .map(ValueMap()), old: .null)
        let start = Timestamp(seconds: 1_800_000_000, nanos: 500)
        for index in 0..<(WorkflowRun.historyLimit + 5) {
            run.record(StepAttempt(step: "s\(index)", tryNumber: 1, startedAt: start).finished(.succeeded, at: start.adding(seconds: 1.25)))
        }
        run.record(StepAttempt(step: "call", tryNumber: 3, startedAt: start))
        let read = try WorkflowRun(payload: run.payload)
        #expect(read.history.count == WorkflowRun.historyLimit)
        #expect(read.droppedAttempts == 6)
        #expect(read.history.first?.step == "s6")
        #expect(read.history.last == StepAttempt(step: "call", tryNumber: 3, startedAt: start))
        #expect(read.history.first?.durationMilliseconds == 1250)
        #expect(read == run)

        // A payload written before runs kept a history reads back with an empty one.
        guard case .map(let map) = try JSONParser.parse(run.payload) else { throw Failure("payload is not an object") }
        let old = ValueMap(map.entries.filter { $0.key != .string("history") }.map { ($0.key, $0.value) })
        let oldRun = try WorkflowRun(payload: JSONWriter.write(.map(old)))
        #expect(oldRun.history.isEmpty && oldRun.droppedAttempts == 0 && oldRun.step == run.step)

        // A damaged history is refused like any damaged payload.
        var damaged = old
        damaged[.string("history")] = .map(ValueMap([(.string("dropped"), .int(0)), (.string("attempts"), .list([.string("x")]))]))
        #expect(throws: WorkflowError.self) { try WorkflowRun(payload: JSONWriter.write(.map(damaged))) }
    }
}
