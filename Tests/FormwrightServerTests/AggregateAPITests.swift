import FormwrightCore
import FormwrightRuntime
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// `GET …/tables/{table}/aggregate`: groups and measures computed by the store, errors as 400s.
@Suite struct AggregateAPITests {
    static let customers = "/api/v1/apps/customer-sentiment/tables/customers/aggregate"

    static func seeded() async throws -> ServerHarness {
        let harness = try await ServerHarness()
        for (name, region) in [("Ada", "east"), ("Bo", "east"), ("Cy", "west"), ("Di", nil)] as [(String, String?)] {
            var values: [String: Value] = ["name": .string(name)]
            if let region { values["region"] = .string(region) }
            _ = try await harness.runtime.create(table: "customers", input: SubmissionInput(values: values, format: .json))
        }
        return harness
    }

    @Test func answersGroupsInKeyOrder() async throws {
        try await Self.seeded().test { client in
            try await client.execute(uri: "\(Self.customers)?group=region&measure=count,max(name)", method: .get, headers: ServerHarness.admin) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(
                    response.text == """
                        {"time_zone":"Asia/Shanghai","groups":[{"region":null,"count":1,"max(name)":"Di"},\
                        {"region":"east","count":2,"max(name)":"Bo"},{"region":"west","count":1,"max(name)":"Cy"}]}
                        """)
            }
            try await client.execute(uri: Self.customers, method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"time_zone":"Asia/Shanghai","groups":[{"count":4}]}"#)
            }
        }
    }

    @Test func aFilterChoosesTheRecordsThatCount() async throws {
        try await Self.seeded().test { client in
            let uri = "\(Self.customers)?group=region&filter=" + "region != 'west' && name != 'Bo'".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await client.execute(uri: uri, method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .ok)
                #expect(
                    response.text == #"{"time_zone":"Asia/Shanghai","groups":[{"region":null,"count":1},{"region":"east","count":1}]}"#)
            }
        }
    }

    @Test func refusesBadTermsAndParametersWith400() async throws {
        try await Self.seeded().test { client in
            let cases = [
                ("group=regoin", "unknown field 'regoin' in table 'customers'; did you mean 'region'?"),
                ("measure=sum(name)", "field 'name' of table 'customers' is not an integer, number or money field, so it has no sum"),
                ("group=week(name)", "field 'name' of table 'customers' is not a date or datetime, so it has no week"),
                ("measure=sum(", "cannot read measure 'sum('; write a field or function(field), such as count or sum(amount)"),
                ("having=1", "unknown query parameter 'having'; aggregate takes 'group', 'measure' and 'filter'"),
                ("filter=size(name)%3E2", "filter: the store groups the records itself, so an aggregate filter may only compare fields with values (==, !=, <, <=, >, >=, in, startsWith, contains, joined by &&, || and !); this one needs more"),
                ("filter=regoin%3D%3D'east'", "filter: undeclared reference to 'regoin'; did you mean 'region'? (at character 1)"),
                ("group=region&group=pod", "'group' is given 2 times; list its terms once, comma-separated"),
            ]
            for (query, message) in cases {
                try await client.execute(uri: "\(Self.customers)?\(query)", method: .get, headers: ServerHarness.admin) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(response.text.contains("\"id\":\"bad_request\""), "\(query)")
                    #expect(response.text.contains(JSONText.quote(message)), "\(query): \(response.text)")
                }
            }
        }
    }

    @Test func needsATokenAndAKnownTable() async throws {
        try await Self.seeded().test { client in
            try await client.execute(uri: Self.customers, method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/apps/customer-sentiment/tables/nope/aggregate", method: .get, headers: ServerHarness.admin) {
                #expect($0.status == .notFound)
            }
        }
    }
}
