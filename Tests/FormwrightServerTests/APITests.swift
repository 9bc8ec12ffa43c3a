import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite struct APITests {
    static let customer = "/api/v1/apps/customer-sentiment/tables/customers/records"
    static let submissions = "/api/v1/apps/customer-sentiment/forms/log_conversation/submissions"

    @Test func healthz() async throws {
        try await ServerHarness().test { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func refusesMissingAndWrongTokensWith401() async throws {
        try await ServerHarness().test { client in
            try await client.execute(uri: "/api/v1/apps", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                #expect(response.text.hasPrefix("{\"error\":{\"message\":"))
                #expect(response.text.contains("\"id\":\"unauthorized\""))
            }
            try await client.execute(uri: "/api/v1/apps", method: .get, headers: [.authorization: "Bearer wrong"]) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test func listsApps() async throws {
        let harness = try await ServerHarness()
        try await harness.test { client in
            try await client.execute(uri: "/api/v1/apps", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .ok)
                #expect(response.text == "{\"apps\":[{\"name\":\"customer-sentiment\",\"title\":\"Customer sentiment\",\"revision\":\"\(harness.runtime.definition.revision)\"}]}")
            }
        }
    }

    @Test func submitsAFormAndReadsTheRecordBack() async throws {
        try await ServerHarness().test { client in
            let customerID = try await client.execute(uri: Self.customer, method: .post, headers: ServerHarness.admin, body: ServerHarness.json("{\"name\":\"Acme 客户\",\"region\":\"east\"}")) { response in
                #expect(response.status == .created)
                return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])["id"] as? String ?? ""
            }
            let body = "{\"customer\":\"\(customerID)\",\"channel\":\"phone\",\"transcript\":\"They liked the demo a lot.\"}"
            let id = try await client.execute(uri: Self.submissions, method: .post, headers: ServerHarness.admin, body: ServerHarness.json(body)) { response in
                #expect(response.status == .created)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let record = try #require(object["record"] as? [String: Any])
                #expect(record["transcript"] as? String == "They liked the demo a lot.")
                #expect(record["version"] as? Int == 1)
                return object["id"] as? String ?? ""
            }
            try await client.execute(uri: "/api/v1/apps/customer-sentiment/tables/conversations/records/\(id)", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"1\"")
                #expect(response.text.contains("\"customer\":\"\(customerID)\""))
            }
            try await client.execute(uri: "/api/v1/apps/customer-sentiment/tables/conversations/records?limit=1", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .ok)
                #expect(response.text.hasPrefix("{\"records\":[{\"id\":\"\(id)\""))
                #expect(response.text.hasSuffix("\"next\":null}"))
            }
        }
    }

    @Test func answersFieldErrorsWith422InTheRequestLanguage() async throws {
        try await ServerHarness().test { client in
            var headers = ServerHarness.admin
            headers[.acceptLanguage] = "zh-CN,zh;q=0.9,en;q=0.8"
            try await client.execute(uri: Self.submissions, method: .post, headers: headers, body: ServerHarness.json("{\"channel\":\"fax\",\"risk\":\"low\"}")) { response in
                #expect(response.status == .unprocessableContent)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let errors = try #require(object["errors"] as? [[String: String]])
                #expect(errors.map { $0["field"] ?? "" }.sorted() == ["channel", "customer", "risk", "transcript"])
                #expect(errors.first { $0["field"] == "transcript" }?["message"] == "此项为必填项。")
            }
            try await client.execute(uri: "/api/v1/apps/customer-sentiment/tables/conversations/records", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.text == "{\"records\":[],\"next\":null}")
            }
        }
    }

    @Test func publicFormTakesAnonymousInputAndAnswersOnlyTheID() async throws {
        try await ServerHarness().test { client in
            let uri = "/api/v1/apps/customer-sentiment/forms/feedback/submissions"
            try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ServerHarness.json("{\"message\":\"Great tool\"}")) { response in
                #expect(response.status == .created)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(Array(object.keys) == ["id"])
            }
            try await client.execute(uri: Self.submissions, method: .post, headers: [.contentType: "application/json"], body: ServerHarness.json("{}")) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/apps/customer-sentiment/tables/feedback/records", method: .get) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test func patchHonoursIfMatch() async throws {
        try await ServerHarness().test { client in
            let id = try await client.execute(uri: Self.customer, method: .post, headers: ServerHarness.admin, body: ServerHarness.json("{\"name\":\"Acme\"}")) { response in
                try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])["id"] as? String ?? ""
            }
            var headers = ServerHarness.admin
            headers[.ifMatch] = "\"1\""
            try await client.execute(uri: "\(Self.customer)/\(id)", method: .patch, headers: headers, body: ServerHarness.json("{\"pod\":\"east-1\"}")) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"2\"")
            }
            try await client.execute(uri: "\(Self.customer)/\(id)", method: .patch, headers: headers, body: ServerHarness.json("{\"pod\":\"west-2\"}")) { response in
                #expect(response.status == .preconditionFailed)
                #expect(response.text.contains("\"id\":\"version_conflict\""))
            }
            try await client.execute(uri: "\(Self.customer)/\(id)", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.text.contains("\"pod\":\"east-1\""))
            }
            try await client.execute(uri: "\(Self.customer)/\(id)", method: .delete, headers: ServerHarness.admin) { #expect($0.status == .noContent) }
            try await client.execute(uri: "\(Self.customer)/\(id)", method: .get, headers: ServerHarness.admin) { #expect($0.status == .notFound) }
        }
    }

    @Test func unknownThingsAre404WithAJSONError() async throws {
        try await ServerHarness().test { client in
            for uri in [
                "/api/v1/apps/nope/tables/customers/records", "/api/v1/apps/customer-sentiment/tables/nope/records",
                "/api/v1/apps/customer-sentiment/tables/customers/records/nope", "/api/v1/apps/customer-sentiment/forms/nope/submissions",
                "/api/v1/nothing-here",
            ] {
                let method: HTTPRequest.Method = uri.hasSuffix("submissions") ? .post : .get
                try await client.execute(uri: uri, method: method, headers: ServerHarness.admin, body: ServerHarness.json("{}")) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.text.hasPrefix("{\"error\":{\"message\":"), "\(uri)")
                    #expect(response.text.contains("\"id\":\"not_found\""), "\(uri)")
                }
            }
        }
    }

    @Test func refusesHostileBodies() async throws {
        try await ServerHarness().test { client in
            let big = ByteBuffer(string: "{\"name\":\"" + String(repeating: "x", count: 1024 * 1024 + 10) + "\"}")
            try await client.execute(uri: Self.customer, method: .post, headers: ServerHarness.admin, body: big) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.text.contains("\"id\":\"body_too_large\""))
            }
            let deep = ServerHarness.json(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
            try await client.execute(uri: Self.customer, method: .post, headers: ServerHarness.admin, body: deep) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("\"id\":\"bad_request\""))
            }
            for malformed in ["{\"name\":", "[1,2]", "{\"name\": 1e999999}", "\u{FEFF}{}", "{\"a\":\"\\ud800\"}"] {
                try await client.execute(uri: Self.customer, method: .post, headers: ServerHarness.admin, body: ServerHarness.json(malformed)) { response in
                    #expect([.badRequest, .unprocessableContent].contains(response.status), "\(malformed) → \(response.status)")
                    #expect(!response.text.contains("Swift"), "\(malformed)")
                }
            }
            try await client.execute(uri: "/api/v1/apps/customer-sentiment/tables/customers/records?limit=abc", method: .get, headers: ServerHarness.admin) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/apps/customer-sentiment/tables/customers/records?after=!!!", method: .get, headers: ServerHarness.admin) {
                #expect($0.status == .badRequest)
            }
        }
    }
}
