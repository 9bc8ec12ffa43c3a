import FormwrightCore
@testable import FormwrightRuntime
import FormwrightStorage
import Testing

/// A stop signal given while a run is in a step: the step commits, the run goes back to the queue
/// at the next step, due at once, and a new worker finishes it without repeating the committed steps.
@Suite struct WorkflowStopTests {
    @Test(arguments: WorkflowTestApp.backends)
    func aStopDuringACallHandsTheRunBackAfterTheCall(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let record = try await WorkflowWorkerTests.order(store, item: "pen", status: "new")
        let stop = StopSignal()
        // The signal comes while the `price` call is in flight, as SIGTERM would.
        let stopping = ScriptedService { _, _ in
            stop.stop()
            return WorkflowTestApp.okResponse
        }
        let clock = store.clock
        let first = WorkflowWorker(
            app: store.runtime.name, storage: store.runtime.storage, definitions: store.definitions, transport: stopping, owner: "worker-1",
            environment: [:], clock: { clock.now }, random: { 1 }, stop: stop)
        #expect(try await first.runNext())
        let handedBack = try await store.onlyJob()
        #expect(handedBack.state == .pending)
        #expect(handedBack.dueAt == store.clock.now)
        #expect(handedBack.leaseOwner == nil)
        #expect(handedBack.attempts == 0)
        let run = try WorkflowRun(payload: handedBack.payload)
        #expect(run.step == 2)
        #expect(run.outputs[.string("price")] != nil)
        let marked = try #require(try await store.runtime.record(table: "orders", id: record.id))
        #expect(marked.version == 2)
        #expect(marked.fields["code"] == .string("Q"))
        #expect(stopping.calls.count == 1)

        let service = ScriptedService { _, _ in WorkflowTestApp.okResponse }
        #expect(try await store.worker("worker-2", transport: service).runNext())
        let job = try await store.onlyJob()
        #expect(job.state == .succeeded)
        #expect(service.calls.isEmpty)
        let saved = try #require(try await store.runtime.record(table: "orders", id: record.id))
        #expect(saved.version == 3)
        #expect(saved.fields["quote"] == .double(12.5))
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func aStopBeforeAStepHandsTheRunBackUntouched(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let record = try await WorkflowWorkerTests.order(store, item: "pen", status: "new")
        let stop = StopSignal()
        stop.stop()
        let service = ScriptedService { _, _ in WorkflowTestApp.okResponse }
        let clock = store.clock
        let stopped = WorkflowWorker(
            app: store.runtime.name, storage: store.runtime.storage, definitions: store.definitions, transport: service, owner: "worker-1",
            environment: [:], clock: { clock.now }, random: { 1 }, stop: stop)
        #expect(try await stopped.runNext())
        let job = try await store.onlyJob()
        #expect(job.state == .pending)
        #expect(job.dueAt == store.clock.now)
        #expect(try WorkflowRun(payload: job.payload).step == 0)
        #expect(service.calls.isEmpty)
        let untouched = try #require(try await store.runtime.record(table: "orders", id: record.id))
        #expect(untouched.version == 1)
        try await store.close()
    }
}
