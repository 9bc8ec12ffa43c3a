import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every field type in one table: the schemas the document gives them, request bodies checked
/// against `<Table>Input`, and the records the API answers with against `<Table>Record`.
@Suite struct OpenAPIFieldTypeTests {
    static let yaml = """
        formwright: 1
        app: every-type
        tables:
          things:
            fields:
              title:   { type: text, required: true, min_length: 2, max_length: 40, pattern: "[A-Z].*" }
              notes:   { type: longtext }
              count:   { type: integer, min: 0, max: 10 }
              ratio:   { type: number, min: 0, max: 1 }
              price:   { type: money, scale: 3, min: 0 }
              active:  { type: boolean, default: true }
              due_on:  { type: date }
              seen_at: { type: datetime }
              size:    { type: choice, options: [s, m, l] }
              tags:    { type: multichoice, options: [red, green, blue] }
              mail:    { type: email }
              phone:   { type: phone }
              site:    { type: url }
              parent:  { type: link, table: things }
              shout:   { type: text, compute: "title + '!'" }
          a_1:
            fields: { x: { type: text } }
          a1:
            fields: { x: { type: text } }
        """

    /// A server over the app above, in a folder of its own.
    static func harness() async throws -> (ServerHarness, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("every-type-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("app.yaml"))
        return (try await ServerHarness(folder: folder), folder)
    }

    @Test func eachTypeHasItsSchema() async throws {
        let (harness, folder) = try await Self.harness()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try await OpenAPITests.document(harness).object
        let schemas = try #require(OpenAPITests.at(document, "components", "schemas") as? [String: Any])
        let record = try #require(OpenAPITests.at(schemas, "ThingsRecord", "properties") as? [String: Any])
        func value(_ field: String, _ key: String) -> Any? { OpenAPITests.at(record, field, "anyOf", 0, key) }
        #expect(OpenAPITests.at(record, "title", "type") as? String == "string")
        #expect(OpenAPITests.at(record, "title", "minLength") as? Int == 2)
        #expect(OpenAPITests.at(record, "title", "maxLength") as? Int == 40)
        #expect((OpenAPITests.at(record, "title", "description") as? String)?.contains("`[A-Z].*`") == true)
        #expect(value("notes", "type") as? String == "string")
        #expect(value("count", "type") as? String == "integer")
        #expect(value("count", "maximum") as? Int == 10)
        #expect(value("ratio", "type") as? String == "number")
        #expect(value("price", "pattern") as? String == "^-?[0-9]+\\.[0-9]{3}$")
        #expect(value("active", "type") as? String == "boolean")
        #expect(value("due_on", "format") as? String == "date")
        #expect(value("seen_at", "format") as? String == "date-time")
        #expect(value("size", "enum") as? [String] == ["s", "m", "l"])
        #expect(value("tags", "type") as? String == "array")
        #expect(OpenAPITests.at(record, "tags", "anyOf", 0, "items", "enum") as? [String] == ["red", "green", "blue"])
        #expect(value("tags", "minItems") as? Int == 1)
        #expect(value("mail", "format") as? String == "email")
        #expect(value("phone", "type") as? String == "string")
        #expect(value("site", "format") as? String == "uri")
        #expect(value("parent", "type") as? String == "string")
        #expect(OpenAPITests.at(record, "shout", "readOnly") as? Bool == true)
        let input = try #require(OpenAPITests.at(schemas, "ThingsInput", "properties") as? [String: Any])
        #expect(input["shout"] == nil)
        #expect(
            OpenAPITests.at(input, "price", "anyOf", 0, "anyOf", 0, "pattern") as? String
                == "^[-+]?([0-9]+(\\.[0-9]{0,3}0*)?|\\.[0-9]{1,3}0*)$")
        #expect(OpenAPITests.at(input, "price", "anyOf", 0, "anyOf", 1, "type") as? String == "number")
        #expect(OpenAPITests.at(input, "active", "default") as? Bool == true)
        #expect(OpenAPITests.at(input, "tags", "anyOf", 0, "minItems") == nil)
        // Two tables whose names read the same in a component name are told apart.
        #expect(schemas["A1Record"] != nil && schemas["A12Record"] != nil)
    }

    @Test(.enabled(if: OpenAPIValidator.isAvailable, Comment(rawValue: OpenAPITests.validatorMissing)))
    func bodiesAndRecordsOfEveryTypeFitTheDocument() async throws {
        let (harness, folder) = try await Self.harness()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try await OpenAPITests.document(harness).text
        let recorder = OpenAPIRoundTripTests.Recorder()
        let records = "/api/v1/apps/every-type/tables/things/records"
        let first = """
            {"title":"Alpha","notes":"line one\\nline two","count":3,"ratio":0.5,"price":"12.5","active":false,"due_on":"2026-01-02",\
            "seen_at":"2026-01-02T03:04:05+08:00","size":"m","tags":["red","blue"],"mail":"someone@example.com","phone":"+1 (555) 010-0100",\
            "site":"https://example.com/a","parent":null}
            """
        try await harness.test { client in
            let created = try await recorder.call(client, .post, records, documented: "/tables/things/records", body: first, expect: .created)
            let id = try #require(created["id"] as? String)
            let second = #"{"title":"Beta","price":7,"parent":"\#(id)","tags":null}"#
            let made = try await recorder.call(client, .post, records, documented: "/tables/things/records", body: second, expect: .created)
            let secondID = try #require(made["id"] as? String)
            #expect(made["price"] as? String == "7.000")
            let change = #"{"count":10,"price":"0.25","size":null}"#
            _ = try await recorder.call(
                client, .patch, "\(records)/\(secondID)", documented: "/tables/things/records/{id}", body: change, expect: .ok)
            for record in [id, secondID] {
                _ = try await recorder.call(client, .get, "\(records)/\(record)", documented: "/tables/things/records/{id}", expect: .ok)
            }
            _ = try await recorder.call(client, .get, records, documented: "/tables/things/records", expect: .ok)
        }
        // What the server refuses, the document refuses too: a computed field, an unknown one, a missing required one, too many decimals.
        let refused = [
            #"{"title":"Gamma","shout":"no"}"#, #"{"title":"Gamma","colour":"red"}"#, #"{"notes":"no title"}"#,
            #"{"title":"Gamma","price":"1.2345"}"#,
        ]
        for body in refused {
            try await harness.test { client in
                try await client.execute(uri: records, method: .post, headers: ServerHarness.admin, body: ServerHarness.json(body)) { response in
                    #expect(response.status == .unprocessableContent, "\(body): \(response.text)")
                }
            }
        }
        let refusedRequests = refused.map { OpenAPIValidator.Answer(path: "/tables/things/records", method: "post", status: "request", json: $0) }
        let findings = try await OpenAPIValidator.check(document: document, answers: recorder.answers + refusedRequests)
        #expect(findings.document == nil)
        #expect(recorder.answers.filter { $0.status == "request" }.count == 3)
        #expect(findings.answers.count == recorder.answers.count + refused.count)
        for (answer, errors) in zip(recorder.answers, findings.answers) {
            #expect(errors.isEmpty, "\(answer.method) \(answer.path) \(answer.status): \(errors) in \(answer.json)")
        }
        for (body, errors) in zip(refused, findings.answers.suffix(refused.count)) {
            #expect(!errors.isEmpty, "the document takes \(body)")
        }
    }
}
