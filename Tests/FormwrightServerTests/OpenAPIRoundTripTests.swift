import FormwrightRuntime
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The API's own answers — records fetched, created and listed, submissions, evaluations,
/// aggregates, executions, forecasts and errors — fit the schemas the app's document gives
/// for those routes and statuses, and so do the bodies the API took, checked by Python's `jsonschema`.
@Suite(.enabled(if: OpenAPIValidator.isAvailable, Comment(rawValue: OpenAPITests.validatorMissing)))
struct OpenAPIRoundTripTests {
    static let api = "/api/v1/apps/customer-sentiment"

    /// Calls the API and keeps the answer for checking against the document's `path` (as the document
    /// writes it), and the body sent when the call succeeds, for checking against the route's request body.
    final class Recorder: @unchecked Sendable {
        var answers: [OpenAPIValidator.Answer] = []

        func call(
            _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, documented path: String, body: String? = nil,
            headers: HTTPFields = ServerHarness.admin, expect status: HTTPResponse.Status
        ) async throws -> [String: Any] {
            let text = try await client.execute(uri: uri, method: method, headers: headers, body: body.map(ServerHarness.json)) { response in
                #expect(response.status == status, "\(method) \(uri): \(response.text)")
                return response.text
            }
            answers.append(OpenAPIValidator.Answer(path: path, method: method.rawValue.lowercased(), status: String(status.code), json: text))
            if let body, status.code < 300 {
                answers.append(OpenAPIValidator.Answer(path: path, method: method.rawValue.lowercased(), status: "request", json: body))
            }
            return try OpenAPITests.object(text)
        }
    }

    @Test func customerSentimentAnswersFitTheDocument() async throws {
        let harness = try await ServerHarness()
        _ = try await SeedLoader(runtime: harness.runtime).load()
        let document = try await OpenAPITests.document(harness).text
        let recorder = Recorder()
        try await harness.test { client in
            let api = Self.api
            let customer = try await recorder.call(
                client, .post, "\(api)/tables/customers/records", documented: "/tables/customers/records",
                body: #"{"name":"Acme","region":"east"}"#, expect: .created)
            let customerID = try #require(customer["id"] as? String)
            let submitted = try await recorder.call(
                client, .post, "\(api)/forms/log_conversation/submissions", documented: "/forms/log_conversation/submissions",
                body:
                    #"{"customer":"\#(customerID)","channel":"meeting","transcript":"They asked for a second demo next week.","follow_up_on":"2026-12-01"}"#,
                expect: .created)
            let id = try #require(submitted["id"] as? String)
            _ = try await recorder.call(
                client, .post, "\(api)/forms/feedback/submissions", documented: "/forms/feedback/submissions",
                body: #"{"email":"someone@example.com","message":"Nice."}"#, headers: [.contentType: "application/json"], expect: .created)
            _ = try await recorder.call(
                client, .get, "\(api)/tables/conversations/records/\(id)", documented: "/tables/conversations/records/{id}", expect: .ok)
            _ = try await recorder.call(
                client, .patch, "\(api)/tables/customers/records/\(customerID)", documented: "/tables/customers/records/{id}",
                body: #"{"pod":"Pod 7","region":null}"#, expect: .ok)
            for table in ["customers", "conversations", "feedback", "tasks"] {
                _ = try await recorder.call(client, .get, "\(api)/tables/\(table)/records", documented: "/tables/\(table)/records", expect: .ok)
            }
            _ = try await recorder.call(
                client, .post, "\(api)/forms/log_conversation/evaluate", documented: "/forms/log_conversation/evaluate",
                body: #"{"channel":"meeting"}"#, expect: .ok)
            _ = try await recorder.call(
                client, .get, "\(api)/tables/conversations/aggregate?group=channel,week(happened_at)&measure=count",
                documented: "/tables/conversations/aggregate", expect: .ok)
            let executions = try await recorder.call(
                client, .get, "\(api)/workflows/executions", documented: "/workflows/executions", expect: .ok)
            let executionID = try #require(Self.first(executions["executions"])?["id"] as? String)
            _ = try await recorder.call(
                client, .get, "\(api)/workflows/executions/\(executionID)", documented: "/workflows/executions/{id}", expect: .ok)
            _ = try await recorder.call(
                client, .get, "\(api)/tables/conversations/records/\(id)/executions", documented: "/tables/conversations/records/{id}/executions",
                expect: .ok)
            _ = try await recorder.call(
                client, .post, "\(api)/workflows/executions/\(executionID)/retry", documented: "/workflows/executions/{id}/retry",
                expect: .conflict)
            _ = try await recorder.call(
                client, .post, "\(api)/forms/log_conversation/submissions", documented: "/forms/log_conversation/submissions",
                body: #"{"channel":"fax"}"#, expect: .unprocessableContent)
            _ = try await recorder.call(
                client, .get, "\(api)/tables/conversations/records/nope", documented: "/tables/conversations/records/{id}", expect: .notFound)
            var stale = ServerHarness.admin
            stale[.ifMatch] = "\"9\""
            _ = try await recorder.call(
                client, .patch, "\(api)/tables/conversations/records/\(id)", documented: "/tables/conversations/records/{id}",
                body: #"{"channel":"phone"}"#, headers: stale, expect: .preconditionFailed)
        }
        // The same record with a value its schema refuses, and without its version: both must fail.
        let recordPath = "/tables/conversations/records/{id}"
        let fetched = try #require(recorder.answers.first { $0.path == recordPath && $0.method == "get" && $0.status == "200" }?.json)
        let bogus = fetched.replacingOccurrences(of: "\"risk\":\"unknown\"", with: "\"risk\":\"bogus\"")
        let unversioned = fetched.replacingOccurrences(of: "\"version\":1,", with: "")
        #expect(bogus != fetched && unversioned != fetched)
        let broken = [bogus, unversioned].map { OpenAPIValidator.Answer(path: recordPath, method: "get", status: "200", json: $0) }
        let findings = try await OpenAPIValidator.check(document: document, answers: recorder.answers + broken)
        #expect(findings.document == nil)
        #expect(findings.answers.count == recorder.answers.count + 2)
        for (answer, errors) in zip(recorder.answers, findings.answers) {
            #expect(errors.isEmpty, "\(answer.method) \(answer.path) \(answer.status): \(errors) in \(answer.json)")
        }
        #expect(findings.answers.suffix(2).allSatisfy { !$0.isEmpty }, "\(findings.answers.suffix(2))")
    }

    @Test func salesForecastRecordsForecastAndDashboardFitTheDocument() async throws {
        let harness = try await ServerHarness(app: "sales-forecast")
        _ = try await SeedLoader(runtime: harness.runtime).load()
        let document = try await OpenAPITests.document(harness).text
        let recorder = Recorder()
        let api = "/api/v1/apps/sales-forecast"
        try await harness.test { client in
            for table in harness.runtime.definition.tables.map(\.name.value) {
                let page = try await recorder.call(
                    client, .get, "\(api)/tables/\(table)/records?limit=25&sort=-created_at", documented: "/tables/\(table)/records", expect: .ok)
                #expect((page["records"] as? [Any])?.count == 25, "\(table) has seed data")
            }
            _ = try await recorder.call(
                client, .get, "\(api)/tables/sales/aggregate?group=region,month(sold_on)&measure=count,sum(amount),avg(amount)",
                documented: "/tables/sales/aggregate", expect: .ok)
            _ = try await recorder.call(
                client, .get, "\(api)/forecasts/weekly_revenue?scenario=east_subsidy_up", documented: "/forecasts/weekly_revenue", expect: .ok)
            _ = try await recorder.call(
                client, .get, "\(api)/forecasts/weekly_revenue?scenario=nope", documented: "/forecasts/weekly_revenue", expect: .notFound)
            let dashboard = try await recorder.call(client, .get, "\(api)/dashboards/overview", documented: "/dashboards/overview", expect: .ok)
            #expect((dashboard["tiles"] as? [Any])?.count == harness.runtime.definition.dashboards.first?.tiles.count)
        }
        let findings = try await OpenAPIValidator.check(document: document, answers: recorder.answers)
        #expect(findings.document == nil)
        #expect(findings.answers.count == recorder.answers.count)
        for (answer, errors) in zip(recorder.answers, findings.answers) {
            #expect(errors.isEmpty, "\(answer.method) \(answer.path) \(answer.status): \(errors)")
        }
    }

    static func first(_ list: Any?) -> [String: Any]? {
        (list as? [[String: Any]])?.first
    }
}
