import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

/// The sales-forecast example's seed data loads into a fresh SQLite store and adds up to the
/// figures its generator wrote into `data/truth.json`, so the generator and the app agree.
@Suite struct SalesForecastSeedTests {
    static let appFolder = ExampleSeedTests.appsFolder.appendingPathComponent("sales-forecast")

    /// The generator's `truth.json` as plain JSON objects.
    static func truth() throws -> [String: Any] {
        let data = try Data(contentsOf: appFolder.appendingPathComponent("data/truth.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// An aggregate's groups as plain JSON objects.
    static func groups(_ result: AggregateResult) throws -> [[String: Any]] {
        let data = Data(JSONWriter.write(.list(result.groups)).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    @Test func seedDataLoadsIntoAFreshSQLiteStoreAndMatchesTheGeneratorsSums() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sales-forecast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try DefinitionLoader().load(path: Self.appFolder.path)
        let definition = try #require(loaded.first?.definition, "\(loaded.first?.diagnostics.map(\.message) ?? [])")
        let runtime = AppRuntime(definition: definition, storage: try await SQLiteStorage(path: folder.appendingPathComponent("data.sqlite").path))
        try await runtime.prepare()

        let report = try await SeedLoader(runtime: runtime).load()
        let truth = try Self.truth()
        let summary = try #require(truth["summary"] as? [String: Any])
        let rows = try #require(summary["rows"] as? [String: Int])
        #expect(rows.count == 6)
        #expect(Dictionary(uniqueKeysWithValues: report.loaded.map { ($0.table, $0.recordCount) }) == rows)
        let order = report.loaded.map(\.table)
        #expect(try #require(order.firstIndex(of: "opportunities")) < (try #require(order.firstIndex(of: "sales"))), "links need their targets first")
        for (table, count) in rows {
            #expect(try await runtime.storage.read(app: "sales-forecast") { try $0.count(table: table) } == count, "table \(table)")
        }

        let sums = try #require(summary["sum"] as? [String: String])
        for (term, expected) in sums {
            let parts = term.split(separator: ".").map(String.init)
            let result = try await runtime.aggregate(table: parts[0], groupBy: [], measures: ["sum(\(parts[1]))"])
            #expect(try Self.groups(result).first?["sum(\(parts[1]))"] as? String == expected, "\(term)")
        }
        let byRegion = try #require(summary["sales.amount by region"] as? [String: String])
        let regions = try Self.groups(try await runtime.aggregate(table: "sales", groupBy: ["region"], measures: ["sum(amount)"]))
        #expect(regions.map { $0["region"] as? String } == ["east", "north", "south", "west"])
        for group in regions {
            let region = try #require(group["region"] as? String)
            #expect(group["sum(amount)"] as? String == byRegion[region], "region \(region)")
        }
        try await runtime.storage.close()
    }

    @Test func everyRegionHasOneRevenueFigurePerWeekOfHistory() async throws {
        let runtime = AppRuntime(
            definition: try #require(try DefinitionLoader().load(path: Self.appFolder.path).first?.definition), storage: MemoryStorage())
        try await runtime.prepare()
        _ = try await SeedLoader(runtime: runtime).load()
        let history = try #require(try Self.truth()["history"] as? [String: Any])
        let weeks = try #require(history["weeks"] as? Int)

        let sales = try Self.groups(try await runtime.aggregate(table: "sales", groupBy: ["region", "week(sold_on)"], measures: ["count"]))
        #expect(sales.count == 4 * weeks)
        let periods = sales.compactMap { $0["week(sold_on)"] as? String }
        #expect(periods.min() == history["first_week"] as? String)
        #expect(periods.max() == history["last_week"] as? String)

        // A driver has one value per region and week, through the history and the weeks ahead.
        let subsidies = try Self.groups(try await runtime.aggregate(table: "subsidies", groupBy: ["region", "week(week_of)"], measures: ["count"]))
        #expect(subsidies.allSatisfy { $0["count"] as? Int == 1 })
        #expect(subsidies.count > 4 * weeks)
    }
}
