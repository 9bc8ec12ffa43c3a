import FormwrightCore
@testable import FormwrightRuntime
import FormwrightStorage
import Logging
import Synchronization
import Testing

/// The structured log events of workflow runs, captured by binding a logger to the test's task.
@Suite struct WorkflowLogTests {
    /// One logged event: its level, message and metadata as text.
    struct Event: Sendable, Equatable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
    }

    /// A log handler that keeps every event.
    struct CapturingHandler: LogHandler {
        let events: Events
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
            let values = (metadata ?? [:]).mapValues { "\($0)" }
            events.list.withLock { $0.append(Event(level: level, message: message.description, metadata: values)) }
        }
    }

    final class Events: Sendable {
        let list = Mutex<[Event]>([])
        var all: [Event] { list.withLock { $0 } }
    }

    /// What `body` returns, and the events it logged.
    static func capturing<Result>(_ body: () async throws -> Result) async throws -> (Result, [Event]) {
        let events = Events()
        let result = try await WorkflowLog.$logger.withValue(Logger(label: "formwright.workflows") { _ in CapturingHandler(events: events) }) {
            try await body()
        }
        return (result, events.all)
    }

    @Test func retriedRunLogsEachStepTheRetryAndTheEnd() async throws {
        let store = try await WorkflowTestApp.open("memory")
        _ = try await WorkflowWorkerTests.order(store, item: "pen", status: "new")
        let service = ScriptedService { call, number in number == 0 ? WorkflowWorkerTests.unavailable(call) : WorkflowTestApp.okResponse }
        let worker = store.worker(transport: service)
        let (ran, events) = try await Self.capturing {
            let first = try await worker.runNext()
            store.clock.advance(seconds: 2)
            return [first, try await worker.runNext()]
        }
        #expect(ran == [true, true])
        let job = try await store.onlyJob()
        #expect(
            events.map(\.message) == [
                "workflow run claimed", "workflow step succeeded", "workflow retry scheduled", "workflow run claimed", "workflow step succeeded",
                "workflow step succeeded", "workflow run succeeded",
            ])
        #expect(events.allSatisfy { $0.metadata["app"] == "workflows" && $0.metadata["workflow"] == "quote_order" && $0.metadata["execution"] == job.id })
        let retry = events[2]
        #expect(retry.level == .warning)
        #expect(
            retry.metadata == [
                "app": "workflows", "workflow": "quote_order", "execution": job.id, "step": "price", "try": "1", "outcome": "retrying",
                "duration_ms": "0", "delay_ms": "2000",
                "error": "step 'price', try 1: calling POST https://pricing.example.com/quote/pen: the service answered 503",
            ])
        #expect(events[4].metadata["step"] == "price" && events[4].metadata["try"] == "2" && events[4].metadata["outcome"] == "succeeded")
        #expect(events[5].metadata["step"] == "save" && events[5].metadata["duration_ms"] == "0")
        #expect(events[6].metadata["outcome"] == "succeeded" && events[6].metadata["error"] == nil)
        try await store.close()
    }

    @Test func skippedStepFailedRunAndHandBackAreLogged() async throws {
        let store = try await WorkflowTestApp.open("memory")
        _ = try await store.runtime.create(
            table: "conversations", input: SubmissionInput(values: ["transcript": .string("Wonderful help, thank you, great work")], format: .json))
        var (ran, events) = try await Self.capturing { try await store.worker().runNext() }
        #expect(ran)
        #expect(events.first { $0.message == "workflow step skipped" }?.metadata["step"] == "follow_up")

        _ = try await WorkflowWorkerTests.order(store, item: "desk", status: "shipped")
        (ran, events) = try await Self.capturing { try await store.worker().runNext() }
        #expect(ran)
        let failed = try #require(events.last)
        #expect(failed.message == "workflow run failed" && failed.level == .error)
        #expect(failed.metadata["error"] == "step 'refuse': cannot ship desk" && failed.metadata["outcome"] == "failed")

        _ = try await WorkflowWorkerTests.order(store, item: "ab", status: "paid")
        let stop = StopSignal()
        stop.stop()
        let clock = store.clock
        let stopping = WorkflowWorker(
            app: store.runtime.name, storage: store.runtime.storage, definitions: store.definitions,
            transport: ScriptedService { _, _ in WorkflowTestApp.okResponse }, owner: "stopping", environment: [:], clock: { clock.now },
            stop: stop)
        (ran, events) = try await Self.capturing { try await stopping.runNext() }
        #expect(ran)
        #expect(events.map(\.message) == ["workflow run claimed", "workflow run handed back on stop"])
        #expect(events.last?.metadata["step"] == "code" && events.last?.metadata["workflow"] == "code_order")
        try await store.close()
    }
}
