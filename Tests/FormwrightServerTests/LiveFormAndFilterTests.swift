import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The routes added with expressions: live-form evaluation, record filters, and rule errors on pages.
@Suite struct LiveFormAndFilterTests {
    static let evaluate = "/api/v1/apps/customer-sentiment/forms/log_conversation/evaluate"

    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func field(_ name: String, in object: [String: Any]) -> [String: Any]? {
        (object["fields"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    @Test func evaluateShowsAndRequiresFieldsAsTheDraftChanges() async throws {
        let harness = try await ServerHarness()
        try await harness.test { client in
            try await client.execute(uri: Self.evaluate, method: .post, headers: ServerHarness.admin, body: ServerHarness.json("{\"channel\":\"meeting\"}")) { response in
                #expect(response.status == .ok)
                let state = try Self.object(response)
                #expect(Self.field("follow_up_on", in: state)?["visible"] as? Bool == true)
                #expect(Self.field("follow_up_on", in: state)?["required"] as? Bool == true)
            }
            try await client.execute(uri: Self.evaluate, method: .post, headers: ServerHarness.admin, body: ServerHarness.json("{\"channel\":\"phone\"}")) { response in
                let state = try Self.object(response)
                #expect(Self.field("follow_up_on", in: state)?["visible"] as? Bool == false)
                #expect(Self.field("follow_up_on", in: state)?["required"] as? Bool == false)
            }
            try await client.execute(uri: Self.evaluate, method: .post, headers: [.contentType: "application/json"], body: ServerHarness.json("{}")) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(
                uri: "/api/v1/apps/customer-sentiment/forms/feedback/evaluate", method: .post, headers: [.contentType: "application/json"],
                body: ServerHarness.json("{\"message\":\"hi\"}")
            ) { #expect($0.status == .ok) }
            #expect(try await harness.runtime.records(table: "conversations", limit: 10, after: nil).records.isEmpty)
        }
    }

    @Test func filtersRecordsWithAnExpression() async throws {
        let harness = try await ServerHarness()
        for (name, region) in [("A", "east"), ("B", "west"), ("C", "east")] {
            _ = try await harness.runtime.create(table: "customers", input: .init(values: ["name": .string(name), "region": .string(region)], format: .json))
        }
        try await harness.test { client in
            let filter = "region == 'east'".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await client.execute(uri: "/api/v1/apps/customer-sentiment/tables/customers/records?filter=\(filter)", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .ok)
                let records = try #require(try Self.object(response)["records"] as? [[String: Any]])
                #expect(records.compactMap { $0["name"] as? String } == ["A", "C"])
            }
            let bad = "regoin == 'east'".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await client.execute(uri: "/api/v1/apps/customer-sentiment/tables/customers/records?filter=\(bad)", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("did you mean 'region'?"))
            }
        }
    }

    @Test func refusesAPIBodiesThatAreNotJSON() async throws {
        try await ServerHarness().test { client in
            try await client.execute(
                uri: "/api/v1/apps/customer-sentiment/forms/feedback/submissions", method: .post, headers: [.contentType: "text/plain"],
                body: ServerHarness.json("{\"message\":\"sneaky\"}")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.text.contains("\"id\":\"unsupported_media_type\""))
            }
        }
    }

    @Test func showsRuleErrorsAboveTheFieldsAndServesTheScript() async throws {
        let harness = try await ServerHarness()
        try await harness.test { client in
            let cookie = try await HTMLTests.signIn(client, harness)
            let customer = try await harness.runtime.create(table: "customers", input: .init(values: ["name": .string("Acme")], format: .json))
            let page = try await client.execute(uri: HTMLTests.form, method: .get, headers: [.cookie: cookie]) { $0.text }
            #expect(page.contains("data-evaluate=\"/api/v1/apps/customer-sentiment/forms/log_conversation/evaluate\""))
            #expect(page.contains("<script src=\"/assets/live-form.js\" defer></script>"))
            let body = HTMLTests.formBody([("_csrf", HTMLTests.csrf(in: page)), ("customer", customer.id), ("channel", "phone"), ("transcript", "Too short")])
            try await client.execute(uri: HTMLTests.form, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: body) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("<p>Please write at least a sentence or two.</p>"))
            }
            try await client.execute(uri: "/assets/live-form.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.text.contains("data-evaluate"))
            }
        }
    }
}
