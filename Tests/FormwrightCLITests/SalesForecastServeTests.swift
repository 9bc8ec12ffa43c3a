import Foundation
import Testing

/// The first `formwright serve apps/sales-forecast` on a new SQLite file loads the seed data and
/// shows every table, with the totals its generator wrote into `data/truth.json`, and its dashboard.
@Suite struct SalesForecastServeTests {
    static let token = "sales-forecast-admin-token-0123456789"
    static let tables = ["opportunities", "sales", "plan", "subsidies", "ads", "competitor_prices"]

    static func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theFirstServeShowsEveryTableWithItsSeedData() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sales-forecast-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await ServerProcess.start(
            arguments: ["apps/sales-forecast", "--store", "sqlite:\(folder.path)/data.sqlite"], token: Self.token)
        defer { _ = server.stop() }

        let apps = try await server.request("GET", "api/v1/apps", token: Self.token)
        #expect(apps.body.contains("\"name\":\"sales-forecast\""))
        for table in Self.tables {
            let page = try await server.request("GET", "api/v1/apps/sales-forecast/tables/\(table)/records?limit=2", token: Self.token)
            #expect(page.status == 200, "table \(table)")
            #expect((try Self.json(Data(page.body.utf8))["records"] as? [Any])?.count == 2, "table \(table)")
            let html = try await server.request("GET", "apps/sales-forecast/tables/\(table)", token: Self.token)
            #expect(html.status == 200, "page of table \(table)")
        }

        let truthFile = CommandRunner.packageRoot.appendingPathComponent("apps/sales-forecast/data/truth.json")
        let truth = try Self.json(try Data(contentsOf: truthFile))
        let summary = try #require(truth["summary"] as? [String: Any])
        let total = try #require((summary["sum"] as? [String: String])?["sales.amount"])
        let aggregate = try await server.request(
            "GET", "api/v1/apps/sales-forecast/tables/sales/aggregate?measure=count,sum(amount)", token: Self.token)
        let group = try #require((try Self.json(Data(aggregate.body.utf8))["groups"] as? [[String: Any]])?.first)
        #expect(group["sum(amount)"] as? String == total)
        #expect(group["count"] as? Int == (summary["rows"] as? [String: Int])?["sales"])

        let dashboard = try await server.request("GET", "api/v1/apps/sales-forecast/dashboards/overview", token: Self.token)
        #expect(dashboard.status == 200, "\(dashboard.body)")
        let tiles = try #require(try Self.json(Data(dashboard.body.utf8))["tiles"] as? [[String: Any]])
        #expect(tiles.map { $0["kind"] as? String } == ["kpi", "kpi", "line", "bar", "table"])
        #expect((tiles[4]["records"] as? [Any])?.count == 10)
        let page = try await server.request("GET", "apps/sales-forecast/dashboards/overview", token: Self.token)
        #expect(page.status == 200)
        #expect(page.body.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(server.stop() == 0)
    }
}
