import FormwrightCore
import FormwrightRuntime
import FormwrightStorage
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The workflow execution routes of the API and the runs section of the record page.
@Suite struct WorkflowExecutionAPITests {
    static let executions = "/api/v1/apps/customer-sentiment/workflows/executions"

    /// Refuses every outbound call; the app's scorer is the built-in offline one.
    struct NoCalls: OutboundHTTP {
        func send(_ call: IntegrationCall) async throws(IntegrationFailure) -> IntegrationResponse {
            throw IntegrationFailure(.network, "no calls in this test")
        }
    }

    /// Two conversations: the first one's run succeeded, the second one's failed with `error`.
    struct Runs {
        let done: Job
        let failed: Job
        let failedRecord: String
    }

    static func worker(_ harness: ServerHarness) -> WorkflowWorker {
        let runtime = harness.runtime
        return WorkflowWorker(
            app: runtime.name, storage: runtime.storage, definitions: DefinitionRegistry(runtime.definition), transport: NoCalls(),
            owner: "test-worker", environment: [:])
    }

    static func jobs(_ harness: ServerHarness) async throws -> [Job] {
        try await harness.runtime.storage.read(app: harness.runtime.name) { try $0.jobs(JobQuery(limit: 100)) }
    }

    static func job(_ harness: ServerHarness, _ id: String) async throws -> Job? {
        try await harness.runtime.storage.read(app: harness.runtime.name) { try $0.job(id: id) }
    }

    static func runs(_ harness: ServerHarness, error: String = "step 'score': the scorer was unavailable") async throws -> Runs {
        let runtime = harness.runtime
        let customer = try await runtime.create(table: "customers", input: SubmissionInput(values: ["name": .string("Acme")], format: .json))
        var records: [StoredRecord] = []
        for text in ["Wonderful help, thank you, great work", "The service was terrible and I am very angry. Awful!"] {
            records.append(
                try await runtime.create(
                    table: "conversations",
                    input: SubmissionInput(
                        values: ["customer": .string(customer.id), "channel": .string("phone"), "transcript": .string(text)], format: .json)))
        }
        let jobs = try await Self.jobs(harness)
        let second = try #require(jobs.first)
        _ = try await runtime.storage.write(app: runtime.name) {
            try $0.updateJob(id: second.id, expectedVersion: second.version, JobChange(state: .failed, lastError: .set(error)), now: .now)
        }
        #expect(try await Self.worker(harness).runNext())
        let first = try #require(jobs.last)
        let done = try #require(try await Self.job(harness, first.id))
        #expect(done.state == .succeeded)
        return Runs(done: done, failed: try #require(try await Self.job(harness, second.id)), failedRecord: records[1].id)
    }

    static func object(_ text: String) throws -> ValueMap {
        guard case .map(let map) = try JSONParser.parse(text) else { throw ParseFailure(text: text) }
        return map
    }

    struct ParseFailure: Error { let text: String }

    static func ids(_ text: String) throws -> [String] {
        guard case .list(let items)? = try object(text)[.string("executions")] else { return [] }
        return items.compactMap { item in
            guard case .map(let map) = item, case .string(let id)? = map[.string("id")] else { return nil }
            return id
        }
    }

    @Test func listsFiltersAndPagesExecutions() async throws {
        let harness = try await ServerHarness()
        let runs = try await Self.runs(harness)
        try await harness.test { client in
            try await client.execute(uri: Self.executions, method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("\"id\":\"unauthorized\""))
            }
            try await client.execute(uri: Self.executions, method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .ok)
                let (ids, body) = (try Self.ids(response.text), try Self.object(response.text))
                #expect(ids == [runs.failed.id, runs.done.id])
                #expect(body[.string("next")] == .null)
            }
            try await client.execute(uri: Self.executions + "?state=failed", method: .get, headers: ServerHarness.admin) { response in
                let ids = try Self.ids(response.text)
                #expect(ids == [runs.failed.id])
            }
            try await client.execute(uri: Self.executions + "?state=succeeded,failed&workflow=score_sentiment", method: .get, headers: ServerHarness.admin) {
                let ids = try Self.ids($0.text)
                #expect(ids.count == 2)
            }
            try await client.execute(uri: Self.executions + "?state=broken", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .badRequest)
                #expect(
                    response.text
                        == #"{"error":{"message":"unknown state 'broken'; 'state' takes 'pending', 'running', 'succeeded', 'failed', 'cancelled', comma-separated","id":"bad_request"}}"#)
            }
            try await client.execute(uri: Self.executions + "?workflow=nope", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("no workflow 'nope'"))
            }
            try await client.execute(uri: Self.executions + "?limit=0", method: .get, headers: ServerHarness.admin) { #expect($0.status == .badRequest) }
            try await client.execute(uri: Self.executions + "?after=garbage", method: .get, headers: ServerHarness.admin) { #expect($0.status == .badRequest) }
            let next = try await client.execute(uri: Self.executions + "?limit=1", method: .get, headers: ServerHarness.admin) { response in
                let ids = try Self.ids(response.text)
                #expect(ids == [runs.failed.id])
                guard case .string(let cursor)? = try Self.object(response.text)[.string("next")] else { throw ParseFailure(text: response.text) }
                return cursor
            }
            try await client.execute(uri: Self.executions + "?limit=1&after=\(next)", method: .get, headers: ServerHarness.admin) { response in
                let ids = try Self.ids(response.text)
                #expect(ids == [runs.done.id])
            }
        }
    }

    @Test func readsOneExecutionAndTheRunsOfARecord() async throws {
        let harness = try await ServerHarness()
        let runs = try await Self.runs(harness)
        try await harness.test { client in
            try await client.execute(uri: Self.executions + "/\(runs.done.id)", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .ok)
                let body = try Self.object(response.text)
                #expect(body[.string("state")] == .string("succeeded"))
                #expect(body[.string("workflow")] == .string("score_sentiment"))
                #expect(body[.string("revision")] == .string(harness.runtime.definition.revision))
                #expect(body[.string("last_error")] == .null)
                guard case .list(let steps)? = body[.string("steps")] else { throw ParseFailure(text: response.text) }
                let statuses = steps.compactMap { step -> String? in
                    guard case .map(let map) = step, case .string(let status)? = map[.string("status")] else { return nil }
                    return status
                }
                #expect(statuses == ["succeeded", "succeeded", "skipped"])
                #expect(response.text.contains(#""attempts":[{"try":1,"started_at":""#))
                #expect(response.text.contains(#""outcome":"skipped""#))
            }
            try await client.execute(uri: Self.executions + "/missing", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("\"id\":\"not_found\""))
            }
            let records = "/api/v1/apps/customer-sentiment/tables/conversations/records"
            try await client.execute(uri: records + "/\(runs.failedRecord)/executions", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .ok)
                let ids = try Self.ids(response.text)
                #expect(ids == [runs.failed.id])
                #expect(response.text.contains(#""trigger":{"change":"created","table":"conversations","record_id":"\#(runs.failedRecord)"}"#))
            }
            try await client.execute(uri: records + "/missing/executions", method: .get, headers: ServerHarness.admin) { #expect($0.status == .notFound) }
            try await client.execute(uri: records + "/\(runs.failedRecord)/executions", method: .get) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func retriesOnlyFailedExecutions() async throws {
        let harness = try await ServerHarness()
        let runs = try await Self.runs(harness)
        try await harness.test { client in
            try await client.execute(uri: Self.executions + "/\(runs.failed.id)/retry", method: .post) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: Self.executions + "/\(runs.done.id)/retry", method: .post, headers: ServerHarness.admin) { response in
                #expect(response.status == .conflict)
                #expect(
                    response.text
                        == #"{"error":{"message":"workflow execution '\#(runs.done.id)' is succeeded; only a failed execution can be retried","id":"conflict"}}"#)
            }
            #expect(try await Self.job(harness, runs.done.id) == runs.done)
            try await client.execute(uri: Self.executions + "/missing/retry", method: .post, headers: ServerHarness.admin) { #expect($0.status == .notFound) }
            #expect(try await Self.job(harness, runs.failed.id) == runs.failed)
            try await client.execute(uri: Self.executions + "/\(runs.failed.id)/retry", method: .post, headers: ServerHarness.admin) { response in
                #expect(response.status == .ok)
                let body = try Self.object(response.text)
                #expect(body[.string("state")] == .string("pending"))
                #expect(body[.string("attempts")] == .int(0))
                #expect(body[.string("next_step")] == .string("score"))
            }
        }
        #expect(try await Self.worker(harness).runNext())
        #expect(try await Self.job(harness, runs.failed.id)?.state == .succeeded)
    }

    @Test func recordPageListsRunsAndItsRetryButtonWorks() async throws {
        let harness = try await ServerHarness()
        let runs = try await Self.runs(harness, error: "step 'score': <b>boom</b>")
        let page = "/apps/customer-sentiment/tables/conversations/records/\(runs.failedRecord)"
        let action = "/apps/customer-sentiment/workflows/executions/\(runs.failed.id)/retry"
        try await harness.test { client in
            let cookie = try await HTMLTests.signIn(client, harness)
            let html = try await client.execute(uri: page, method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                return response.text
            }
            #expect(html.contains("<h2>Workflow runs</h2>"))
            #expect(html.contains("score_sentiment · <span class=\"state-failed\">failed</span>"))
            #expect(html.contains("<p class=\"error\">step &#39;score&#39;: &lt;b&gt;boom&lt;/b&gt;</p>"))
            #expect(!html.contains("<b>boom</b>"))
            #expect(html.contains("<form method=\"post\" action=\"\(action)\">"))
            let csrf = HTMLTests.csrf(in: html)
            #expect(csrf.count >= 32)

            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: action, method: .post, headers: headers, body: HTMLTests.formBody([("_csrf", "forged")])) {
                #expect($0.status == .forbidden)
            }
            #expect(try await Self.job(harness, runs.failed.id)?.state == .failed)
            try await client.execute(uri: action, method: .post, headers: headers, body: HTMLTests.formBody([("_csrf", csrf)])) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == page + "#run-" + runs.failed.id)
            }
            #expect(try await Self.job(harness, runs.failed.id)?.state == .pending)
            try await client.execute(uri: action, method: .post, headers: headers, body: HTMLTests.formBody([("_csrf", csrf)])) {
                #expect($0.status == .conflict)
            }
            #expect(try await Self.worker(harness).runNext())
            let after = try await client.execute(uri: page, method: .get, headers: [.cookie: cookie]) { $0.text }
            #expect(after.contains("<span class=\"state-succeeded\">succeeded</span>"))
            #expect(!after.contains(action))
            #expect(after.contains("try 1 · succeeded · "))
        }
    }
}
