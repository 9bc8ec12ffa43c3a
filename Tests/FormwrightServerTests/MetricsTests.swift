import CoreMetrics
import FormwrightCore
import FormwrightDefinition
import FormwrightHTTPClient
import FormwrightRuntime
import FormwrightServer
import FormwrightStorage
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@Suite struct MetricsTests {
    static let app = "customer-sentiment"

    /// A clock a test sets by hand; nil reads the real time.
    final class SettableClock: Sendable {
        private let time = Mutex<Timestamp?>(nil)
        func set(_ value: Timestamp?) { time.withLock { $0 = value } }
        func now() -> Timestamp { time.withLock { $0 } ?? .now }
    }

    /// Scrapes `/metrics` with the admin token and reads the answer strictly.
    static func scrape(_ client: some TestClientProtocol) async throws -> PrometheusText {
        try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(ServerHarness.token)"]) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            return try PrometheusText(response.text)
        }
    }

    /// Creates a customer and logs a conversation, which queues one run of `score_sentiment`.
    static func logConversation(_ client: some TestClientProtocol, transcript: String = "They liked the demo a lot.") async throws {
        let customer = try await client.execute(
            uri: "/api/v1/apps/customer-sentiment/tables/customers/records", method: .post, headers: ServerHarness.admin,
            body: ServerHarness.json("{\"name\":\"Acme\",\"region\":\"east\"}")
        ) { response in
            #expect(response.status == .created)
            return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])["id"] as? String ?? ""
        }
        let body = "{\"customer\":\"\(customer)\",\"channel\":\"phone\",\"transcript\":\"\(transcript)\"}"
        try await client.execute(uri: APITests.submissions, method: .post, headers: ServerHarness.admin, body: ServerHarness.json(body)) {
            #expect($0.status == .created)
        }
    }

    @Test func needsTheAdminTokenByDefault() async throws {
        try await ServerHarness().test { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                #expect(response.text.hasPrefix("{\"error\":{\"message\":"))
                #expect(response.text.contains("\"id\":\"unauthorized\""))
            }
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer wrong"]) { #expect($0.status == .unauthorized) }
            _ = try await Self.scrape(client)
        }
    }

    @Test func metricsPublicAnswersWithoutAToken() async throws {
        let configuration = ServerConfiguration(adminToken: ServerHarness.token, metricsPublic: true)
        try await ServerHarness(configuration: configuration).test { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = try PrometheusText(response.text)
                #expect(text.value("formwright_workflow_outbox_depth", ["app": Self.app]) == 0)
            }
            // A wrong token is still refused, as everywhere.
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer wrong"]) { #expect($0.status == .unauthorized) }
            // The rest of the API is not opened.
            try await client.execute(uri: "/api/v1/apps", method: .get) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func queueGaugesFollowTheJobsAndTheWorker() async throws {
        let clock = SettableClock()
        let metrics = ServerMetrics(clock: { clock.now() })
        let harness = try await ServerHarness(metrics: metrics)
        let runtime = harness.runtime
        try await harness.test { client in
            let before = try await Self.scrape(client)
            for state in JobState.allCases {
                #expect(before.value("formwright_workflow_executions", ["app": Self.app, "state": state.rawValue]) == 0)
            }
            #expect(before.value("formwright_workflow_outbox_depth", ["app": Self.app]) == 0)
            #expect(before.value("formwright_workflow_oldest_item_age_seconds", ["app": Self.app]) == 0)
            #expect(before.types["formwright_workflow_executions"] == "gauge")

            try await Self.logConversation(client)
            let job = try #require(try await runtime.storage.read(app: Self.app) { try $0.jobs(JobQuery()) }.first)

            // 90 s after the run became due.
            clock.set(Timestamp(seconds: job.dueAt.seconds + 90, nanos: job.dueAt.nanos))
            let waiting = try await Self.scrape(client)
            #expect(waiting.value("formwright_workflow_executions", ["app": Self.app, "state": "pending"]) == 1)
            #expect(waiting.value("formwright_workflow_outbox_depth", ["app": Self.app]) == 1)
            #expect(waiting.value("formwright_workflow_oldest_item_age_seconds", ["app": Self.app]) == 90)

            // Before it is due, it is pending but not in the outbox.
            clock.set(Timestamp(seconds: job.dueAt.seconds - 10, nanos: job.dueAt.nanos))
            let early = try await Self.scrape(client)
            #expect(early.value("formwright_workflow_executions", ["app": Self.app, "state": "pending"]) == 1)
            #expect(early.value("formwright_workflow_outbox_depth", ["app": Self.app]) == 0)
            #expect(early.value("formwright_workflow_oldest_item_age_seconds", ["app": Self.app]) == 0)

            clock.set(nil)
            let outbound = OutboundHTTPClient()
            let worker = WorkflowWorker(
                app: Self.app, storage: runtime.storage, definitions: DefinitionRegistry(runtime.definition), transport: outbound, owner: "metrics-test")
            let ran = try await withMetricsFactory(metrics.factory) { try await worker.runNext() }
            try await outbound.shutdown()
            #expect(ran)

            let after = try await Self.scrape(client)
            #expect(after.value("formwright_workflow_executions", ["app": Self.app, "state": "pending"]) == 0)
            #expect(after.value("formwright_workflow_executions", ["app": Self.app, "state": "succeeded"]) == 1)
            #expect(after.value("formwright_workflow_outbox_depth", ["app": Self.app]) == 0)
            #expect(after.value("formwright_workflow_oldest_item_age_seconds", ["app": Self.app]) == 0)
            let finished = ["app": Self.app, "workflow": "score_sentiment"]
            #expect(after.value("formwright_workflow_runs_finished_total", finished.merging(["outcome": "succeeded"]) { $1 }) == 1)
            #expect(after.value("formwright_workflow_runs_finished_total", finished.merging(["outcome": "failed"]) { $1 }) == nil)
            #expect(after.types["formwright_workflow_runs_finished_total"] == "counter")
            #expect(after.types["formwright_workflow_step_duration_seconds"] == "histogram")
            for step in ["builtin_score", "save"] {
                #expect(after.value("formwright_workflow_step_duration_seconds_count", finished.merging(["step": step]) { $1 }) == 1)
            }
            // The web service step (no SENTIMENT_URL) and the follow-up step (a happy customer) were
            // skipped: they did not run, so they were not timed.
            for step in ["service_score", "follow_up"] {
                #expect(after.value("formwright_workflow_step_duration_seconds_count", finished.merging(["step": step]) { $1 }) == nil)
            }
        }
    }

    @Test func countsRequestsByRoutePatternNotByPath() async throws {
        try await ServerHarness().test { client in
            for id in ["first-missing-id", "second-missing-id"] {
                try await client.execute(
                    uri: "/api/v1/apps/customer-sentiment/tables/customers/records/\(id)", method: .get, headers: ServerHarness.admin
                ) { #expect($0.status == .notFound) }
            }
            try await client.execute(uri: "/no/such/page/42", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }

            let text = try await Self.scrape(client)
            let record = "/api/v1/apps/{app}/tables/{table}/records/{id}"
            #expect(text.value("formwright_http_requests_total", ["method": "GET", "route": record, "status": "404"]) == 2)
            #expect(text.value("formwright_http_requests_total", ["method": "GET", "route": "unmatched", "status": "404"]) == 1)
            #expect(text.value("formwright_http_requests_total", ["method": "GET", "route": "/healthz", "status": "200"]) == 1)
            #expect(text.value("formwright_http_request_duration_seconds_count", ["method": "GET", "route": record]) == 2)
            #expect(text.types["formwright_http_requests_total"] == "counter")
            #expect(text.types["formwright_http_request_duration_seconds"] == "histogram")
            // No label holds a raw path.
            #expect(!text.samples.contains { $0.labels.values.contains { $0.contains("missing-id") || $0.contains("/no/such") } })

            // The scrape itself is counted once it has been answered.
            let again = try await Self.scrape(client)
            #expect(again.value("formwright_http_requests_total", ["method": "GET", "route": "/metrics", "status": "200"]) == 1)
        }
    }

    @Test func aStoreErrorLeavesOnlyThatAppsGaugesOut() async throws {
        let harness = try await ServerHarness()
        let broken = MemoryStorage()
        let other = AppRuntime(definition: try Self.definition(app: "metrics-broken-store", port: 9), storage: broken)
        try await other.prepare()
        try await broken.close()
        let server = try FormwrightHTTPServer(
            apps: AppRegistry([harness.runtime, other]), configuration: ServerConfiguration(adminToken: ServerHarness.token))
        try await Application(responder: server.responder()).test(.router) { client in
            let text = try await Self.scrape(client)
            #expect(text.value("formwright_workflow_outbox_depth", ["app": Self.app]) == 0)
            #expect(text.value("formwright_workflow_executions", ["app": Self.app, "state": "pending"]) == 0)
            #expect(!text.samples.contains { $0.labels["app"] == "metrics-broken-store" })
        }
    }

    @Test func countsRetriesAndFailedRuns() async throws {
        let service = Application(router: Self.unavailableService(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await service.test(.live) { serviceClient in
            let port = try #require(serviceClient.port)
            let definition = try Self.definition(app: "metrics-retry", port: port)
            let runtime = AppRuntime(definition: definition, storage: MemoryStorage())
            try await runtime.prepare()
            let metrics = ServerMetrics()
            let server = try FormwrightHTTPServer(
                apps: AppRegistry([runtime]), configuration: ServerConfiguration(adminToken: ServerHarness.token), metrics: metrics)
            try await Application(responder: server.responder()).test(.router) { client in
                try await client.execute(
                    uri: "/api/v1/apps/metrics-retry/tables/items/records", method: .post, headers: ServerHarness.admin,
                    body: ServerHarness.json("{\"name\":\"widget\"}")
                ) { #expect($0.status == .created) }
                let outbound = OutboundHTTPClient()
                let worker = WorkflowWorker(
                    app: "metrics-retry", storage: runtime.storage, definitions: DefinitionRegistry(definition), transport: outbound, owner: "metrics-test")
                // Both runs are claimed once; the retry is due 30 s later, so a third claim finds nothing.
                let claims = try await withMetricsFactory(metrics.factory) {
                    var claims = 0
                    while try await worker.runNext(), claims < 3 { claims += 1 }
                    return claims
                }
                try await outbound.shutdown()
                #expect(claims == 2)

                let text = try await Self.scrape(client)
                #expect(text.value("formwright_workflow_retries_total", ["app": "metrics-retry", "workflow": "notify"]) == 1)
                #expect(text.value("formwright_workflow_retries_total", ["app": "metrics-retry", "workflow": "refuse"]) == nil)
                #expect(text.value("formwright_workflow_executions", ["app": "metrics-retry", "state": "pending"]) == 1)
                #expect(text.value("formwright_workflow_executions", ["app": "metrics-retry", "state": "failed"]) == 1)
                let failed = ["app": "metrics-retry", "workflow": "refuse", "outcome": "failed"]
                #expect(text.value("formwright_workflow_runs_finished_total", failed) == 1)
                #expect(text.samples(named: "formwright_workflow_runs_finished_total").count == 1)
                #expect(text.value("formwright_workflow_step_duration_seconds_count", ["app": "metrics-retry", "workflow": "notify", "step": "send"]) == 1)
            }
        }
    }

    /// A service that always answers 503, which a workflow retries.
    static func unavailableService() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/unavailable") { _, _ in
            Response(status: .serviceUnavailable, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{}")))
        }
        return router
    }

    /// An app whose workflow calls a local service that is down.
    static func definition(app: String, port: Int) throws -> AppDefinition {
        let yaml = """
            formwright: 1
            app: \(app)
            tables:
              items:
                fields:
                  name: { type: text, required: true }
            integrations:
              flaky:
                kind: http
                url: "http://127.0.0.1:\(port)/unavailable"
                allow_private: true
                method: POST
                timeout: 5s
                inputs: { name: text }
                body: { name: "= input.name" }
                outputs: { ok: text }
                output: { ok: "= string(response.body.ok)" }
            workflows:
              notify:
                on: { created: items }
                steps:
                  - id: send
                    call: flaky
                    with: { name: "= record.name" }
                retry: { attempts: 3, backoff: fixed, initial: 30s, max: 60s }
              refuse:
                on: { created: items }
                steps:
                  - { id: stop, fail: { message: "refused" } }
            """
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "\(app).yaml")
        return try #require(loaded.definition, "\(loaded.diagnostics)")
    }
}
