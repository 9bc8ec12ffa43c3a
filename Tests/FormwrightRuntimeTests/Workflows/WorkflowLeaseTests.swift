import FormwrightCore
@testable import FormwrightRuntime
import FormwrightStorage
import Testing

/// The lease a worker is given is how long its claim holds a run: no one takes the run before it
/// runs out, and another worker takes it over once it has.
@Suite struct WorkflowLeaseTests {
    @Test(arguments: WorkflowTestApp.backends)
    func aGivenLeaseHoldsTheRunThatLong(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let record = try await WorkflowWorkerTests.order(store, item: "pen", status: "new")
        let hanging = ScriptedService { _, _ throws(IntegrationFailure) in
            do { try await Task.sleep(for: .seconds(3600)) } catch { throw IntegrationFailure(.network, "cut off") }
            return WorkflowTestApp.okResponse
        }
        let clock = store.clock
        let first = WorkflowWorker(
            app: store.runtime.name, storage: store.runtime.storage, definitions: store.definitions, transport: hanging, owner: "worker-1",
            environment: [:], clock: { clock.now }, random: { 1 }, leaseSeconds: 30)
        let stuck = Task { try await first.runNext() }
        for _ in 0..<3000 where hanging.calls.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        try #require(hanging.calls.count == 1)
        let held = try await store.onlyJob()
        #expect(held.state == .running)
        #expect(held.leaseOwner == "worker-1")
        #expect(held.leaseUntil == store.clock.now.adding(seconds: 30))

        let service = ScriptedService { _, _ in WorkflowTestApp.okResponse }
        let second = store.worker("worker-2", transport: service)
        store.clock.advance(seconds: 30)
        #expect(try await !second.runNext())
        store.clock.advance(seconds: 1)
        #expect(try await second.runNext())
        stuck.cancel()
        _ = await stuck.result
        let job = try await store.onlyJob()
        #expect(job.state == .succeeded)
        #expect(service.calls.map(\.idempotencyKey) == hanging.calls.map(\.idempotencyKey))
        let saved = try #require(try await store.runtime.record(table: "orders", id: record.id))
        #expect(saved.version == 3)
        try await store.close()
    }
}
