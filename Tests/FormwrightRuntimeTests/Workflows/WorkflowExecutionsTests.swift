import FormwrightCore
@testable import FormwrightRuntime
import FormwrightStorage
import Testing

/// Listing, reading and retrying workflow executions through `AppRuntime`.
@Suite struct WorkflowExecutionsTests {
    @Test(arguments: WorkflowTestApp.backends)
    func listsFilterByWorkflowStateAndRecordAndPage(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let runtime = store.runtime
        var orders: [StoredRecord] = []
        for item in ["pen", "ink", "pad"] { orders.append(try await WorkflowWorkerTests.order(store, item: item, status: "new")) }
        let shipped = try await WorkflowWorkerTests.order(store, item: "desk", status: "shipped")
        let conversation = try await runtime.create(
            table: "conversations", input: SubmissionInput(values: ["transcript": .string("Wonderful help, thank you")], format: .json))
        let worker = store.worker()
        while try await worker.runNext() {}

        let all = try await runtime.executions()
        #expect(all.executions.count == 5 && all.next == nil)
        #expect(try await runtime.executions(workflow: "quote_order").executions.map(\.recordID) == orders.reversed().map(\.id))
        let failed = try await runtime.executions(states: [.failed]).executions
        #expect(failed.map(\.workflow) == ["refuse_shipped"])
        #expect(failed.first?.recordID == shipped.id)
        #expect(try await runtime.executions(states: [.pending, .running]).executions.isEmpty)
        let ofOrder = try await runtime.executions(record: ("orders", orders[1].id)).executions
        #expect(ofOrder.map(\.workflow) == ["quote_order"] && ofOrder.first?.recordID == orders[1].id)
        #expect(try await runtime.executions(record: ("conversations", conversation.id)).executions.map(\.workflow) == ["score_sentiment"])
        #expect(try await runtime.executions(record: ("orders", conversation.id)).executions.isEmpty)

        var pages: [[String]] = []
        var cursor: String?
        repeat {
            let page = try await runtime.executions(limit: 2, after: cursor)
            pages.append(page.executions.map(\.id))
            cursor = page.next
        } while cursor != nil && pages.count < 5
        #expect(pages.map(\.count) == [2, 2, 1])
        #expect(pages.flatMap { $0 } == all.executions.map(\.id))

        await #expect(throws: RuntimeError(.notFound, "no workflow 'nope' in app '\(runtime.name)'")) {
            try await runtime.executions(workflow: "nope")
        }
        await #expect(throws: RuntimeError(.notFound, "no table 'nope' in app '\(runtime.name)'")) {
            try await runtime.executions(record: ("nope", "x"))
        }
        let badCursor = await #expect(throws: RuntimeError.self) { try await runtime.executions(after: "not-a-cursor") }
        #expect(badCursor?.kind == .badRequest)
        await #expect(throws: RuntimeError(.notFound, "no workflow execution 'missing' in app '\(runtime.name)'")) {
            try await runtime.execution(id: "missing")
        }
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func retryResumesAtTheFailedStepWithoutRedoingFinishedWrites(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        let record = try await WorkflowWorkerTests.order(store, item: "pen", status: "new")
        let refusing = ScriptedService { _, _ in IntegrationResponse(status: 400, headers: [:], body: .null) }
        #expect(try await store.worker(transport: refusing).runNext())
        let failed = try await store.onlyJob()
        #expect(failed.state == .failed && failed.attempts == 1)
        #expect(try await store.runtime.record(table: "orders", id: record.id)?.version == 2)

        let retried = try await store.runtime.retryExecution(id: failed.id, now: store.clock.now)
        #expect(retried.state == .pending && retried.attempts == 0 && retried.lastError == nil && retried.nextStep == "price")
        #expect(retried.dueAt == store.clock.now)
        #expect(retried.steps.map(\.status) == [.succeeded, .waiting, .waiting])
        let pending = try await store.onlyJob()
        #expect(pending.state == .pending && pending.version == failed.version + 1 && pending.leaseOwner == nil)

        let service = ScriptedService { _, _ in WorkflowTestApp.okResponse }
        #expect(try await store.worker(transport: service).runNext())
        let view = try await store.runtime.execution(id: failed.id)
        #expect(view.state == .succeeded)
        #expect(service.calls.count == 1)
        // `mark` ran once: the record took exactly one more write, from `save`.
        let saved = try #require(try await store.runtime.record(table: "orders", id: record.id))
        #expect(saved.version == 3)
        #expect(saved.fields["quote"] == .double(12.5) && saved.fields["code"] == .string("Q"))
        #expect(view.history.map(\.step) == ["mark", "price", "price", "save"])
        #expect(view.history.map(\.outcome) == [.succeeded, .failed, .succeeded, .succeeded])
        #expect(view.history.map(\.tryNumber) == [1, 1, 1, 1])
        try await store.close()
    }

    @Test(arguments: WorkflowTestApp.backends)
    func retryOfARunThatHasNotFailedChangesNothing(_ backend: String) async throws {
        let store = try await WorkflowTestApp.open(backend)
        _ = try await WorkflowWorkerTests.order(store, item: "ab", status: "paid")
        let pending = try await store.onlyJob()
        await #expect(throws: RuntimeError(.conflict, "workflow execution '\(pending.id)' is pending; only a failed execution can be retried")) {
            try await store.runtime.retryExecution(id: pending.id)
        }
        #expect(try await store.worker().runNext())
        let succeeded = try await store.onlyJob()
        #expect(succeeded.state == .succeeded)
        await #expect(throws: RuntimeError(.conflict, "workflow execution '\(succeeded.id)' is succeeded; only a failed execution can be retried")) {
            try await store.runtime.retryExecution(id: succeeded.id)
        }
        #expect(try await store.onlyJob() == succeeded)
        await #expect(throws: RuntimeError(.notFound, "no workflow execution 'missing' in app '\(store.runtime.name)'")) {
            try await store.runtime.retryExecution(id: "missing")
        }
        try await store.close()
    }
}
