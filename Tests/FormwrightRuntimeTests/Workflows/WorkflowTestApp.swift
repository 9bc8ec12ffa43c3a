import FormwrightCore
import FormwrightDefinition
import FormwrightPostgres
import FormwrightRuntime
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Synchronization
import Testing

/// An app with workflows of every step kind, a clock tests move by hand, and a scripted HTTP service.
enum WorkflowTestApp {
    static func yaml(app: String) -> String {
        """
        formwright: 1
        app: \(app)
        tables:
          conversations:
            fields:
              transcript: { type: longtext, required: true }
              sentiment: { type: number, min: -1, max: 1 }
              risk: { type: choice, options: [unknown, low, high],
                      compute: "sentiment == null ? 'unknown' : sentiment < -0.3 ? 'high' : 'low'" }
          tasks:
            fields:
              conversation: { type: link, table: conversations, required: true }
              title: { type: text, required: true, max_length: 200 }
              due_on: { type: date }
          orders:
            fields:
              item: { type: text, required: true }
              status: { type: choice, options: [new, paid, shipped] }
              quote: { type: number }
              code: { type: text, max_length: 3 }
        integrations:
          sentiment:
            kind: sentiment
          pricing:
            kind: http
            url: "https://pricing.example.com/quote/{{ input.item }}"
            method: POST
            timeout: 2s
            inputs: { item: text }
            body: { item: "= input.item" }
            outputs: { price: number }
            output: { price: "= double(response.body.price)" }
        workflows:
          score_sentiment:
            on: { created: conversations }
            steps:
              - id: score
                call: sentiment
                with: { text: "= record.transcript" }
              - id: save
                update: { sentiment: "= steps.score.score" }
              - id: follow_up
                when: "steps.save.risk == 'high'"
                create: tasks
                values:
                  conversation: "= record.id"
                  title: "= 'Call back (' + steps.score.label + ')'"
                  due_on: "= now + duration('48h')"
          sentiment_changed:
            on: { updated: conversations, when: "record.sentiment != old.sentiment" }
            steps:
              - { id: stop, fail: { message: "sentiment changed" } }
          quote_order:
            on: { created: orders, when: "record.status == 'new'" }
            steps:
              - id: mark
                update: { code: Q }
              - id: price
                call: pricing
                with: { item: "= record.item" }
              - id: save
                update: { quote: "= steps.price.price" }
            retry: { attempts: 3, backoff: fixed, initial: 2s, max: 10s }
          code_order:
            on: { created: orders, when: "record.status == 'paid'" }
            steps:
              - id: code
                update: { code: "= record.item" }
          refuse_shipped:
            on: { created: orders, when: "record.status == 'shipped'" }
            steps:
              - id: refuse
                fail: { message: "cannot ship {{ record.item }}" }
        """
    }

    static let postgresURL = ProcessInfo.processInfo.environment["FORMWRIGHT_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Memory, SQLite, and PostgreSQL when `FORMWRIGHT_POSTGRES_URL` names a database.
    static let backends = ["memory", "sqlite"] + (postgresURL == nil ? [] : ["postgres"])

    /// A prepared app on a new store, its definitions registry, and what closes it.
    struct Store: Sendable {
        let runtime: AppRuntime
        let definitions: DefinitionRegistry
        let clock: TestClock
        let close: @Sendable () async throws -> Void

        /// A worker over this store, on the test clock, always waiting the longest backoff.
        func worker(_ owner: String = "worker-1", transport: any OutboundHTTP = ScriptedService { _, _ in okResponse }) -> WorkflowWorker {
            let clock = self.clock
            return WorkflowWorker(
                app: runtime.name, storage: runtime.storage, definitions: definitions, transport: transport, owner: owner, environment: [:],
                clock: { clock.now }, random: { 1 })
        }

        /// Every job of the app, newest first.
        func jobs() async throws -> [Job] {
            try await runtime.storage.read(app: runtime.name) { try $0.jobs(JobQuery(limit: 100)) }
        }

        /// The only job, which must exist.
        func onlyJob() async throws -> Job {
            let jobs = try await jobs()
            #expect(jobs.count == 1, "\(jobs.map(\.name))")
            return try #require(jobs.first)
        }
    }

    static func definition(app: String) throws -> AppDefinition {
        let loaded = DefinitionLoader().load(bytes: Array(yaml(app: app).utf8), path: "app.yaml")
        return try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
    }

    static func open(_ backend: String) async throws -> Store {
        let clock = TestClock()
        switch backend {
        case "sqlite":
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workflows-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let storage = try await SQLiteStorage(path: folder.appendingPathComponent("data.sqlite").path)
            let definition = try definition(app: "workflows")
            let runtime = AppRuntime(definition: definition, storage: storage)
            try await runtime.prepare()
            return Store(runtime: runtime, definitions: DefinitionRegistry(definition), clock: clock) {
                try await storage.close()
                try? FileManager.default.removeItem(at: folder)
            }
        case "postgres":
            let url = try #require(postgresURL)
            var configuration = PostgresStorage.Configuration(address: try PostgresAddress(parsing: url))
            configuration.maximumConnections = 2
            configuration.openTimeout = .seconds(10)
            let storage = try await PostgresStorage(configuration: configuration)
            let app = "workflows-" + UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(10)
            let definition = try definition(app: app)
            let runtime = AppRuntime(definition: definition, storage: storage)
            try await runtime.prepare()
            return Store(runtime: runtime, definitions: DefinitionRegistry(definition), clock: clock) {
                try? await storage.drop(app: app)
                try await storage.close()
            }
        default:
            let definition = try definition(app: "workflows")
            let runtime = AppRuntime(definition: definition, storage: MemoryStorage())
            try await runtime.prepare()
            return Store(runtime: runtime, definitions: DefinitionRegistry(definition), clock: clock) {}
        }
    }

    static let okResponse = IntegrationResponse(status: 200, headers: ["content-type": "application/json"], body: .map(ValueMap([(.string("price"), .double(12.5))])))
}

/// A clock that starts an hour after the real time (so runs enqueued now are due, however slowly a
/// loaded machine runs the test) and moves only when told.
final class TestClock: Sendable {
    private let time = Mutex(Timestamp(seconds: Timestamp.now.seconds + 3_600))

    var now: Timestamp { time.withLock { $0 } }

    func advance(seconds: Int64) {
        time.withLock { $0 = Timestamp(seconds: $0.seconds + seconds, nanos: $0.nanos) }
    }
}

/// A web service scripted per call: the handler gets the call and its 0-based number; every call is recorded.
final class ScriptedService: OutboundHTTP {
    let handler: @Sendable (IntegrationCall, Int) async throws(IntegrationFailure) -> IntegrationResponse
    private let received = Mutex<[IntegrationCall]>([])

    init(_ handler: @escaping @Sendable (IntegrationCall, Int) async throws(IntegrationFailure) -> IntegrationResponse) {
        self.handler = handler
    }

    var calls: [IntegrationCall] { received.withLock { $0 } }

    func send(_ call: IntegrationCall) async throws(IntegrationFailure) -> IntegrationResponse {
        let number = received.withLock { calls in
            calls.append(call)
            return calls.count - 1
        }
        return try await handler(call, number)
    }
}
