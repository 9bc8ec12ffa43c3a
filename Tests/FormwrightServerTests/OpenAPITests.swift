import FormwrightRuntime
import FormwrightServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /api/v1/apps/{app}/openapi.json`: the document describes every route the server has for
/// the app, types each table's fields as the YAML does, is valid OpenAPI 3.1, and the API's own
/// answers fit its schemas.
@Suite struct OpenAPITests {
    static let validatorMissing = "needs python3 with openapi-spec-validator and jsonschema (pip install openapi-spec-validator)"

    /// The document of an app, fetched through its route, as text and as an object.
    static func document(_ harness: ServerHarness) async throws -> (text: String, object: [String: Any]) {
        let app = harness.runtime.name
        let text = try await harness.test(returning: "/api/v1/apps/\(app)/openapi.json") { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        }
        return (text, try Self.object(text))
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The value at a path of keys (and list positions) in parsed JSON.
    static func at(_ value: Any?, _ keys: Any...) -> Any? {
        keys.reduce(value) { current, key in
            switch (current, key) {
            case (let map as [String: Any], let name as String): map[name]
            case (let list as [Any], let index as Int): index < list.count ? list[index] : nil
            default: nil
            }
        }
    }

    @Test func theRouteTakesTheTokenAndNamesTheAppAndItsRevision() async throws {
        let harness = try await ServerHarness()
        try await harness.test { client in
            try await client.execute(uri: "/api/v1/apps/customer-sentiment/openapi.json", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("\"id\":\"unauthorized\""))
            }
            try await client.execute(uri: "/api/v1/apps/no-such-app/openapi.json", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .notFound)
                #expect(response.text == "{\"error\":{\"message\":\"no app 'no-such-app'\",\"id\":\"not_found\"}}")
            }
        }
        let document = try await Self.document(harness).object
        #expect(document["openapi"] as? String == "3.1.0")
        #expect(Self.at(document, "info", "title") as? String == "Customer sentiment")
        #expect(Self.at(document, "info", "version") as? String == harness.runtime.definition.revision)
        #expect(Self.at(document, "servers", 0, "url") as? String == "/api/v1/apps/customer-sentiment")
        #expect(Self.at(document, "components", "securitySchemes", "bearer", "scheme") as? String == "bearer")
        #expect(Self.at(document, "security", 0, "bearer") as? [Any] != nil)
    }

    /// Each route the router has for an app, with the app's own form, table and forecast names
    /// put in; a route added to the server without its documentation fails here.
    @Test(arguments: ["customer-sentiment", "sales-forecast"])
    func documentsExactlyTheRoutesTheServerHasForTheApp(app: String) async throws {
        let harness = try await ServerHarness(app: app)
        let definition = harness.runtime.definition
        let prefix = "/api/v1/apps/{app}"
        var served: Set<String> = []
        for route in harness.server.router().routes {
            let path = route.path.description
            guard path.hasPrefix(prefix + "/") else {
                #expect(!path.hasPrefix("/api/") || path == "/api/v1/apps", "an API route outside the apps: \(route)")
                continue
            }
            var paths = [String(path.dropFirst(prefix.count))]
            let named = path.contains("/dashboards/") ? definition.dashboards.map(\.name.value) : definition.forecasts.map(\.name.value)
            for (parameter, names) in [
                ("{form}", definition.forms.map(\.name.value)), ("{table}", definition.tables.map(\.name.value)), ("{name}", named),
            ] {
                paths = paths.flatMap { path in path.contains(parameter) ? names.map { path.replacingOccurrences(of: parameter, with: $0) } : [path] }
            }
            served.formUnion(paths.map { "\(route.method.rawValue) \($0)" })
        }
        let document = try await Self.document(harness).object
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let methods = ["get", "put", "post", "patch", "delete", "head", "options", "trace"]
        let documented = Set(paths.flatMap { path, operations in operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" } })
        #expect(
            documented == served,
            "documented, not served: \(documented.subtracting(served).sorted()); served, not documented: \(served.subtracting(documented).sorted())")
        #expect(served.contains("GET /openapi.json"))
        #expect(served.contains("PATCH /tables/\(definition.tables[0].name.value)/records/{id}"))
        #expect(
            served.count == 4 + 2 * definition.forms.count + 9 * definition.tables.count + definition.forecasts.count + definition.dashboards.count)
    }

    @Test func customerSentimentFieldsAreTypedAsItsYAMLSays() async throws {
        let document = try await Self.document(try await ServerHarness()).object
        let schemas = try #require(Self.at(document, "components", "schemas") as? [String: Any])

        let record = try #require(schemas["ConversationsRecord"] as? [String: Any])
        #expect(
            record["required"] as? [String] == [
                "id", "customer", "channel", "happened_at", "transcript", "sentiment", "risk", "follow_up_on", "version", "created_at", "updated_at",
            ])
        #expect(record["additionalProperties"] as? Bool == false)
        #expect(record["title"] as? String == "Conversations")
        let fields = try #require(record["properties"] as? [String: Any])
        #expect(Self.at(fields, "customer", "type") as? String == "string")
        #expect((Self.at(fields, "customer", "description") as? String)?.contains("The id of a record of table 'customers'.") == true)
        #expect(Self.at(fields, "channel", "anyOf", 0, "enum") as? [String] == ["phone", "visit", "email", "meeting"])
        #expect(Self.at(fields, "channel", "anyOf", 1, "type") as? String == "null")
        #expect(Self.at(fields, "happened_at", "anyOf", 0, "format") as? String == "date-time")
        #expect(Self.at(fields, "transcript", "type") as? String == "string")
        #expect(Self.at(fields, "sentiment", "readOnly") as? Bool == true)
        #expect(Self.at(fields, "sentiment", "anyOf", 0, "type") as? String == "number")
        #expect(Self.at(fields, "sentiment", "anyOf", 0, "minimum") as? Int == -1)
        #expect(Self.at(fields, "sentiment", "anyOf", 0, "maximum") as? Int == 1)
        #expect(Self.at(fields, "risk", "readOnly") as? Bool == true)
        #expect(Self.at(fields, "risk", "anyOf", 0, "enum") as? [String] == ["unknown", "low", "medium", "high"])
        #expect(Self.at(fields, "follow_up_on", "anyOf", 0, "format") as? String == "date")
        #expect(Self.at(fields, "version", "readOnly") as? Bool == true)
        #expect(Self.at(fields, "channel", "readOnly") == nil)

        let input = try #require(schemas["ConversationsInput"] as? [String: Any])
        #expect((input["properties"] as? [String: Any]).map { Set($0.keys) } == ["customer", "channel", "happened_at", "transcript", "follow_up_on"])
        #expect(input["required"] == nil)
        #expect(Self.at(schemas, "CustomersRecord", "properties", "name", "maxLength") as? Int == 120)
        #expect(Self.at(schemas, "FeedbackRecord", "properties", "email", "anyOf", 0, "format") as? String == "email")
        #expect(Self.at(schemas, "TasksInput", "properties", "done", "default") as? Bool == false)
        #expect(Self.at(schemas, "TasksInput", "properties", "done", "anyOf", 0, "type") as? String == "boolean")

        let submission = try #require(schemas["LogConversationSubmission"] as? [String: Any])
        #expect((submission["properties"] as? [String: Any]).map { Set($0.keys) } == ["customer", "channel", "transcript", "follow_up_on"])
        #expect(submission["required"] as? [String] == ["customer", "transcript"])
        #expect(Self.at(submission, "properties", "transcript", "title") as? String == "What did the customer say?")
        #expect(
            (Self.at(submission, "properties", "follow_up_on", "description") as? String)?.contains("Required while `channel == 'meeting'`.") == true)
        #expect(Self.at(schemas, "FeedbackSubmission", "required") as? [String] == ["message"])

        let paths = try #require(document["paths"] as? [String: Any])
        #expect(
            Self.at(paths, "/tables/conversations/records", "post", "requestBody", "content", "application/json", "schema", "allOf", 1, "required")
                as? [String] == ["customer", "transcript"])
        #expect(Self.at(paths, "/forms/feedback/submissions", "post", "security") as? [[String: [String]]] == [[:], ["bearer": []]])
        #expect(Self.at(paths, "/forms/log_conversation/submissions", "post", "security") == nil)
        #expect(
            (Self.at(paths, "/tables/conversations/records/{id}", "patch", "responses") as? [String: Any]).map { $0.keys.sorted() }
                == ["200", "400", "401", "404", "408", "412", "413", "415", "422", "503", "507"])
        let sort = try #require(Self.at(paths, "/tables/customers/records", "get", "parameters", 1, "schema", "enum") as? [String])
        #expect(sort == ["name", "region", "pod", "created_at", "updated_at", "id", "-name", "-region", "-pod", "-created_at", "-updated_at", "-id"])
        #expect(paths.keys.allSatisfy { !$0.hasPrefix("/forecasts/") })
        #expect(schemas["ForecastReport"] == nil)
    }

    @Test func salesForecastMoneyDefaultsAndForecastsAreDescribed() async throws {
        let document = try await Self.document(try await ServerHarness(app: "sales-forecast")).object
        let schemas = try #require(Self.at(document, "components", "schemas") as? [String: Any])
        #expect(Self.at(schemas, "OpportunitiesRecord", "properties", "amount", "type") as? String == "string")
        #expect(Self.at(schemas, "OpportunitiesRecord", "properties", "amount", "pattern") as? String == "^-?[0-9]+\\.[0-9]{2}$")
        #expect((Self.at(schemas, "OpportunitiesRecord", "properties", "amount", "description") as? String)?.contains("At least 0.00.") == true)
        #expect(Self.at(schemas, "SalesRecord", "properties", "amount", "description").map { "\($0)" }?.contains("At least 0.01.") == true)
        #expect(Self.at(schemas, "OpportunitiesInput", "properties", "amount", "anyOf", 0, "type") as? String == "string")
        #expect(Self.at(schemas, "OpportunitiesInput", "properties", "amount", "anyOf", 1, "type") as? String == "number")
        #expect(Self.at(schemas, "OpportunitiesInput", "properties", "stage", "default") as? String == "prospect")
        #expect(
            Self.at(schemas, "OpportunitiesInput", "properties", "stage", "enum") as? [String]
                == ["prospect", "qualified", "proposal", "negotiation", "won", "lost"])
        #expect(Self.at(schemas, "CompetitorPricesRecord", "properties", "index", "minimum") as? Int == 0)
        #expect(Self.at(schemas, "SubsidiesRecord", "properties", "level", "maximum") as? Int == 100)
        #expect(Self.at(schemas, "SalesRecord", "properties", "opportunity", "anyOf", 0, "type") as? String == "string")
        #expect(Self.at(schemas, "RecordSaleSubmission", "required") as? [String] == ["region", "product", "amount"])
        #expect(schemas["ForecastReport"] != nil)

        let paths = try #require(document["paths"] as? [String: Any])
        #expect(
            Self.at(paths, "/tables/sales/records", "post", "requestBody", "content", "application/json", "schema", "allOf", 1, "required")
                as? [String] == ["region", "product", "amount"])
        let scenario = try #require(Self.at(paths, "/forecasts/weekly_revenue", "get", "parameters", 0) as? [String: Any])
        #expect(scenario["name"] as? String == "scenario")
        #expect(Self.at(scenario, "schema", "enum") as? [String] == ["east_subsidy_up", "north_ads_cut"])
        #expect(Self.at(paths, "/forecasts/pipeline", "get", "parameters") == nil)
        #expect(
            Self.at(paths, "/forecasts/pipeline", "get", "responses", "200", "content", "application/json", "schema", "$ref") as? String
                == "#/components/schemas/ForecastReport")
    }

    @Test(.enabled(if: OpenAPIValidator.isAvailable, Comment(rawValue: validatorMissing)), arguments: ["customer-sentiment", "sales-forecast"])
    func isValidOpenAPI31(app: String) async throws {
        let text = try await Self.document(try await ServerHarness(app: app)).text
        #expect(try await OpenAPIValidator.check(document: text).document == nil)
        // The validator does fail a document that breaks the rules.
        let broken = text.replacingOccurrences(of: "\"responses\":{", with: "\"responses\":{\"2xx-not-a-status\":{},")
        #expect(try await OpenAPIValidator.check(document: broken).document != nil)
    }
}

extension ServerHarness {
    /// The text of a signed-in GET, after checking the response.
    func test(returning uri: String, _ check: @escaping @Sendable (TestResponse) -> Void) async throws -> String {
        try await Application(responder: server.responder()).test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: ServerHarness.admin) { response in
                check(response)
                return response.text
            }
        }
    }
}
