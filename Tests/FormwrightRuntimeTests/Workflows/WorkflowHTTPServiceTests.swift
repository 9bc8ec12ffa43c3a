import FormwrightCore
import FormwrightDefinition
import FormwrightHTTPClient
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

@testable import FormwrightRuntime

/// Workflows calling a real HTTP service on a loopback port through the real outbound client:
/// retries, backoff and idempotency keys checked from the service's side.
@Suite struct WorkflowHTTPServiceTests {
    /// An app whose workflow prices an order twice (steps `price` and `recheck`) and saves the sum.
    static func yaml(port: Int, timeout: String) -> String {
        """
        formwright: 1
        app: http-service
        tables:
          orders:
            fields:
              item: { type: text, required: true }
              quote: { type: number }
        integrations:
          pricing:
            kind: http
            url: "http://127.0.0.1:\(port)/quote/{{ input.item }}"
            allow_private: true
            method: POST
            timeout: \(timeout)
            inputs: { item: text }
            body: { item: "= input.item" }
            outputs: { price: number }
            output: { price: "= double(response.body.price)" }
        workflows:
          quote_order:
            on: { created: orders }
            steps:
              - id: price
                call: pricing
                with: { item: "= record.item" }
              - id: recheck
                call: pricing
                with: { item: "= record.item + '-again'" }
              - id: save
                update: { quote: "= steps.price.price + steps.recheck.price" }
            retry: { attempts: 3, backoff: exponential, initial: 1s, max: 10s }
        """
    }

    /// The app on a new SQLite file, the real outbound client, and a clock the test moves.
    struct Setup: Sendable {
        let runtime: AppRuntime
        let definitions: DefinitionRegistry
        let client: OutboundHTTPClient
        let clock: TestClock
        let port: Int
        let folder: URL
        let storage: SQLiteStorage

        /// Runs the body on a new setup and closes it afterwards, whether the body throws or not
        /// (a client left open traps when it is released).
        static func run(port: Int, timeout: String = "30s", _ body: (Setup) async throws -> Void) async throws {
            let setup = try await open(port: port, timeout: timeout)
            do {
                try await body(setup)
            } catch {
                try await setup.close()
                throw error
            }
            try await setup.close()
        }

        static func open(port: Int, timeout: String) async throws -> Setup {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workflow-http-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let storage = try await SQLiteStorage(path: folder.appendingPathComponent("data.sqlite").path)
            let loaded = DefinitionLoader().load(bytes: Array(yaml(port: port, timeout: timeout).utf8), path: "app.yaml")
            let definition = try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
            let runtime = AppRuntime(definition: definition, storage: storage)
            try await runtime.prepare()
            return Setup(
                runtime: runtime, definitions: DefinitionRegistry(definition), client: OutboundHTTPClient(), clock: TestClock(), port: port,
                folder: folder, storage: storage)
        }

        /// A worker on the test clock; `random` picks the wait within the backoff (1: the longest).
        func worker(_ owner: String = "worker-1", client: OutboundHTTPClient? = nil, random: Double = 1) -> WorkflowWorker {
            let clock = self.clock
            return WorkflowWorker(
                app: runtime.name, storage: runtime.storage, definitions: definitions, transport: client ?? self.client, owner: owner,
                environment: [:], clock: { clock.now }, random: { random })
        }

        func order(_ item: String) async throws -> StoredRecord {
            try await runtime.create(table: "orders", input: SubmissionInput(values: ["item": .string(item)], format: .json))
        }

        func job(_ id: String? = nil) async throws -> Job {
            let jobs = try await runtime.storage.read(app: runtime.name) { try $0.jobs(JobQuery(limit: 100)) }
            if let id { return try #require(jobs.first { $0.id == id }) }
            #expect(jobs.count == 1, "\(jobs.map(\.name))")
            return try #require(jobs.first)
        }

        /// The order's quote, `.null` while it has none.
        func quote(of record: StoredRecord) async throws -> Value {
            try #require(try await runtime.record(table: "orders", id: record.id)).fields["quote"] ?? .null
        }

        /// What a failed try of the first step says.
        func failure(try number: Int, _ reason: String, item: String = "pen") -> String {
            "step 'price', try \(number): calling POST http://127.0.0.1:\(port)/quote/\(item): \(reason)"
        }

        func close() async throws {
            try await client.shutdown()
            try await storage.close()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    @Test func failuresThenSuccessRetryWithTheBackoffAndOneKeyAcrossARestart() async throws {
        let service = RecordingService { $0 < 2 ? .status(503) : .price(2.5) }
        try await service.run { port in
            try await Setup.run(port: port) { setup in
                let record = try await setup.order("pen")
                #expect(try await setup.worker().runNext())
                var job = try await setup.job()
                #expect(job.state == .pending)
                #expect(job.attempts == 1)
                #expect(job.dueAt == setup.clock.now.adding(seconds: 1))
                #expect(job.lastError == setup.failure(try: 1, "the service answered 503"))
                #expect(job.leaseOwner == nil)
                // The next try is not due yet.
                #expect(try await !setup.worker().runNext())
                #expect(service.requests.count == 1)

                // A new worker with its own client stands for a restarted process.
                let restarted = OutboundHTTPClient()
                do {
                    let worker = setup.worker("worker-2", client: restarted)
                    setup.clock.advance(seconds: 1)
                    #expect(try await worker.runNext())
                    job = try await setup.job()
                    #expect(job.state == .pending)
                    #expect(job.attempts == 2)
                    #expect(job.dueAt == setup.clock.now.adding(seconds: 2))
                    #expect(job.lastError == setup.failure(try: 2, "the service answered 503"))
                    setup.clock.advance(seconds: 1)
                    #expect(try await !worker.runNext())
                    setup.clock.advance(seconds: 1)
                    #expect(try await worker.runNext())
                    job = try await setup.job()
                    #expect(job.state == .succeeded)
                    #expect(job.lastError == nil)
                    #expect(try await setup.quote(of: record) == .double(5))
                } catch {
                    try await restarted.shutdown()
                    throw error
                }
                try await restarted.shutdown()

                #expect(service.requests.map(\.path) == ["/quote/pen", "/quote/pen", "/quote/pen", "/quote/pen-again"])
                #expect(service.keys == ["\(job.id):price", "\(job.id):price", "\(job.id):price", "\(job.id):recheck"])
                #expect(service.requests.first?.body == #"{"item":"pen"}"#)
            }
        }
    }

    @Test func eachStepOfEachRunHasItsOwnKey() async throws {
        let service = RecordingService { _ in .price(1.25) }
        try await service.run { port in
            try await Setup.run(port: port) { setup in
                let pen = try await setup.order("pen")
                let ink = try await setup.order("ink")
                #expect(try await setup.worker().runNext())
                #expect(try await setup.worker().runNext())
                #expect(try await !setup.worker().runNext())
                #expect(try await setup.quote(of: pen) == .double(2.5))
                #expect(try await setup.quote(of: ink) == .double(2.5))
                let jobs = try await setup.runtime.storage.read(app: setup.runtime.name) { try $0.jobs(JobQuery(limit: 10)) }
                #expect(jobs.count == 2)
                #expect(jobs.allSatisfy { $0.state == .succeeded })
                let expected = Set(jobs.flatMap { ["\($0.id):price", "\($0.id):recheck"] })
                #expect(expected.count == 4)
                #expect(Set(service.keys.compactMap { $0 }) == expected)
                #expect(service.requests.count == 4)
            }
        }
    }

    @Test func aHangingServiceTimesOutAndIsTriedAgainWithTheSameKey() async throws {
        // The second answer is quick, but a busy machine may take a second or two to give it.
        let service = RecordingService { $0 == 0 ? .hang(.seconds(10)) : .price(3) }
        try await service.run { port in
            try await Setup.run(port: port, timeout: "4s") { setup in
                let record = try await setup.order("pen")
                #expect(try await setup.worker().runNext())
                var job = try await setup.job()
                #expect(job.state == .pending)
                #expect(job.attempts == 1)
                #expect(job.dueAt == setup.clock.now.adding(seconds: 1))
                #expect(job.lastError == setup.failure(try: 1, "no complete answer within 4.0 seconds"))
                setup.clock.advance(seconds: 1)
                #expect(try await setup.worker().runNext())
                job = try await setup.job()
                #expect(job.state == .succeeded)
                #expect(try await setup.quote(of: record) == .double(6))
                #expect(service.keys == ["\(job.id):price", "\(job.id):price", "\(job.id):recheck"])
            }
        }
    }

    @Test func aServiceThatAlwaysFailsEndsTheRunAfterTheLastTry() async throws {
        let service = RecordingService { _ in .status(500) }
        try await service.run { port in
            try await Setup.run(port: port) { setup in
                let record = try await setup.order("pen")
                #expect(try await setup.worker().runNext())
                setup.clock.advance(seconds: 1)
                #expect(try await setup.worker().runNext())
                setup.clock.advance(seconds: 2)
                #expect(try await setup.worker().runNext())
                let job = try await setup.job()
                #expect(job.state == .failed)
                #expect(job.attempts == 3)
                #expect(job.lastError == setup.failure(try: 3, "the service answered 500"))
                #expect(job.leaseOwner == nil)
                // Nothing is left to run, however late it gets.
                setup.clock.advance(seconds: 3600)
                #expect(try await !setup.worker().runNext())
                #expect(service.requests.count == 3)
                #expect(Set(service.keys) == ["\(job.id):price"])
                #expect(try await setup.quote(of: record) == .null)
            }
        }
    }

    @Test func tooManyRequestsWaitsAtLeastRetryAfter() async throws {
        let service = RecordingService { $0 == 0 ? .status(429, retryAfter: "2") : .price(1) }
        try await service.run { port in
            try await Setup.run(port: port) { setup in
                let record = try await setup.order("pen")
                // The jitter draws no wait at all, so the wait is the service's.
                #expect(try await setup.worker(random: 0).runNext())
                var job = try await setup.job()
                #expect(job.state == .pending)
                #expect(job.dueAt == setup.clock.now.adding(seconds: 2))
                #expect(job.lastError == setup.failure(try: 1, "the service answered 429 (too many requests)"))
                setup.clock.advance(seconds: 1)
                #expect(try await !setup.worker(random: 0).runNext())
                setup.clock.advance(seconds: 1)
                #expect(try await setup.worker(random: 0).runNext())
                job = try await setup.job()
                #expect(job.state == .succeeded)
                #expect(try await setup.quote(of: record) == .double(2))
                #expect(service.keys == ["\(job.id):price", "\(job.id):price", "\(job.id):recheck"])
            }
        }
    }

    @Test func retryAfterHoldsOnTheRealClock() async throws {
        let service = RecordingService { $0 == 0 ? .status(429, retryAfter: "2") : .price(1) }
        try await service.run { port in
            try await Setup.run(port: port) { setup in
                let record = try await setup.order("pen")
                let worker = WorkflowWorker(
                    app: setup.runtime.name, storage: setup.runtime.storage, definitions: setup.definitions, transport: setup.client, owner: "real",
                    environment: [:], random: { 0 })
                let deadline = ContinuousClock.now + .seconds(120)
                while try await setup.job().state != .succeeded, ContinuousClock.now < deadline {
                    if try await !worker.runNext() { try await Task.sleep(for: .milliseconds(100)) }
                }
                #expect(try await setup.job().state == .succeeded)
                #expect(try await setup.quote(of: record) == .double(2))
                let requests = service.requests
                #expect(requests.count == 3)
                if requests.count >= 2 {
                    #expect(requests[1].arrival - requests[0].arrival >= .seconds(2))
                }
            }
        }
    }

    @Test func aClientErrorIsNotTriedAgain() async throws {
        let service = RecordingService { _ in .status(400) }
        try await service.run { port in
            try await Setup.run(port: port) { setup in
                let record = try await setup.order("pen")
                #expect(try await setup.worker().runNext())
                let job = try await setup.job()
                #expect(job.state == .failed)
                #expect(job.attempts == 1)
                #expect(job.lastError == setup.failure(try: 1, "the service answered 400"))
                setup.clock.advance(seconds: 3600)
                #expect(try await !setup.worker().runNext())
                #expect(service.keys == ["\(job.id):price"])
                #expect(try await setup.quote(of: record) == .null)
            }
        }
    }
}
