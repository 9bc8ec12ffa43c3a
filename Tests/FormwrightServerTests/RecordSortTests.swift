import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightServer
import FormwrightStorage
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The `sort` parameter of the records list: order, paging, and the errors for names it cannot sort by.
@Suite struct RecordSortTests {
    static let yaml = """
        formwright: 1
        app: shop
        tables:
          items:
            fields:
              title: { type: text, required: true }
              price: { type: money }
              tags: { type: multichoice, options: [new, sale] }
        """
    static let list = "/api/v1/apps/shop/tables/items/records"

    static func server() async throws -> (FormwrightHTTPServer, AppRuntime) {
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        let runtime = AppRuntime(definition: try #require(loaded.definition), storage: MemoryStorage())
        try await runtime.prepare()
        for (title, price) in [("b", "2.00"), ("a", "3.50"), ("d", nil), ("c", "2.00")] {
            var values: [String: Value] = ["title": .string(title)]
            if let price { values["price"] = .string(price) }
            _ = try await runtime.create(table: "items", input: SubmissionInput(values: values, format: .json))
        }
        return (try FormwrightHTTPServer(apps: AppRegistry([runtime]), configuration: ServerConfiguration(adminToken: ServerHarness.token)), runtime)
    }

    static func get(_ client: any TestClientProtocol, _ query: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(uri: list + "?" + query, method: .get, headers: ServerHarness.admin) { response in
            let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
            return (response.status, object)
        }
    }

    static func titles(_ object: [String: Any]) -> [String] {
        (object["records"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    }

    static func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    @Test func sortsAscendingDescendingAndByDefaultOldestFirst() async throws {
        let (server, _) = try await Self.server()
        try await Application(router: server.router()).test(.router) { client in
            #expect(Self.titles(try await Self.get(client, "").1) == ["b", "a", "d", "c"])
            #expect(Self.titles(try await Self.get(client, "sort=title").1) == ["a", "b", "c", "d"])
            #expect(Self.titles(try await Self.get(client, "sort=-title").1) == ["d", "c", "b", "a"])
            #expect(Self.titles(try await Self.get(client, "sort=-created_at").1) == ["c", "d", "a", "b"])
            // Empty values first ascending, last descending; equal values in the order of their ids.
            let ascending = Self.titles(try await Self.get(client, "sort=price").1)
            #expect(ascending.first == "d" && ascending.last == "a")
            let descending = Self.titles(try await Self.get(client, "sort=-price&filter=\(Self.encoded("title != 'zz'"))").1)
            #expect(descending.first == "a" && descending.last == "d")
        }
    }

    @Test func pagesThroughASortWithItsCursor() async throws {
        let (server, _) = try await Self.server()
        try await Application(router: server.router()).test(.router) { client in
            for filter in ["", "&filter=\(Self.encoded("size(title) == 1"))", "&filter=\(Self.encoded("price == null || price > 0.0"))"] {
                var titles: [String] = []
                var after: String?
                repeat {
                    let (status, object) = try await Self.get(client, "sort=-title&limit=1" + filter + (after.map { "&after=\($0)" } ?? ""))
                    #expect(status == .ok)
                    titles += Self.titles(object)
                    after = object["next"] as? String
                } while after != nil && titles.count < 10
                #expect(titles == ["d", "c", "b", "a"], "\(filter)")
            }
        }
    }

    @Test func refusesNamesItCannotSortByAndCursorsOfAnotherSort() async throws {
        let (server, _) = try await Self.server()
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: Self.list + "?sort=-titel", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("sort: unknown field 'titel' in table 'items'; did you mean 'title'?"))
            }
            try await client.execute(uri: Self.list + "?sort=tags", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("field 'tags' of table 'items' holds a list and cannot be sorted by"))
            }
            let next = try #require(try await Self.get(client, "sort=title&limit=1").1["next"] as? String)
            let queries = [
                "sort=-title&limit=1&after=\(next)", "limit=1&after=\(next)",
                "sort=-title&limit=1&after=\(next)&filter=\(Self.encoded("size(title) == 1"))",
            ]
            for query in queries {
                try await client.execute(uri: Self.list + "?" + query, method: .get, headers: ServerHarness.admin) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(response.text.contains("the paging cursor is not valid for this query"), "\(query)")
                }
            }
        }
    }
}
