import FormwrightCore
import Foundation
import Testing

/// `formwright forecast` and `formwright forecast fit` on apps/sales-forecast, each test with a
/// SQLite file of its own in a temporary folder (the app folder itself is only read).
@Suite struct ForecastCommandTests {
    static let app = CommandRunner.packageRoot.appendingPathComponent("apps/sales-forecast").path
    static let regions = ["east", "north", "south", "west"]
    static let scenarios = ["east_subsidy_up", "north_ads_cut"]

    /// A temporary folder for a store, removed when done.
    final class Workspace {
        let folder: URL
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-forecast-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: folder) }
        var storeFile: String { folder.appendingPathComponent("data.sqlite").path }
        var store: String { "sqlite:\(storeFile)" }
        func run(_ arguments: [String]) async throws -> CommandRunner.Output {
            try await CommandRunner.run(arguments + ["--store", store], in: folder)
        }
    }

    /// A JSON value read by key and index, with the project's parser: numbers exactly as written.
    struct JSON {
        var value: Value
        init(_ value: Value) { self.value = value }
        init(parsing text: String) throws { value = try JSONParser.parse(text) }
        subscript(key: String) -> JSON {
            guard case .map(let map) = value, let found = map[.string(key)] else { return JSON(.null) }
            return JSON(found)
        }
        var items: [JSON] {
            guard case .list(let items) = value else { return [] }
            return items.map(JSON.init)
        }
        var string: String? {
            guard case .string(let text) = value else { return nil }
            return text
        }
        var number: Double? {
            switch value {
            case .double(let number): number
            case .int(let number): Double(number)
            default: nil
            }
        }
        var strings: [String?] { items.map(\.string) }
        var numbers: [Double?] { items.map(\.number) }
        /// The item whose `label` is `label`.
        func item(labelled label: String) throws -> JSON {
            try #require(items.first { $0["label"].string == label })
        }
    }

    /// CSV text (no quoted cells are expected here) as rows of cells.
    static func rows(_ csv: String) -> [[String]] {
        csv.components(separatedBy: "\r\n").dropLast().map { $0.components(separatedBy: ",") }
    }

    @Test func theThreeFormatsShowTheSameForecast() async throws {
        let space = try Workspace()
        let json = try await space.run(["forecast", Self.app, "weekly_revenue", "--format", "json"])
        #expect(json.status == 0, "\(json.standardError)")
        #expect(json.standardError.contains("records into table 'sales' of app 'sales-forecast' from its seed file"), "\(json.standardError)")
        let report = try JSON(parsing: json.standardOutput)
        let history = report["history"].strings.compactMap { $0 }
        let periods = report["periods"].strings.compactMap { $0 }
        #expect(report["forecast"].string == "weekly_revenue")
        #expect(periods.count == 4)
        #expect(history.count > 52)
        #expect(report["groups"].items.map { $0["label"].string } == Self.regions)
        #expect(report["scenarios"].items.map { $0["name"].string } == Self.scenarios)
        for region in Self.regions {
            let group = try report["groups"].item(labelled: region)
            #expect(group["backtest"].items.first?["track"].string == "model")
            #expect(group["forecast"].numbers.count == periods.count)
            #expect(group["forecast"].numbers.allSatisfy { ($0 ?? 0) > 0 })
        }

        let csv = try await space.run(["forecast", Self.app, "weekly_revenue", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.standardError)")
        #expect(!csv.standardError.contains("loaded"), "the seed data loads once: \(csv.standardError)")
        let rows = Self.rows(csv.standardOutput)
        #expect(rows.first == ["region", "period", "kind", "value", "lower", "upper", "baseline", "plan"] + Self.scenarios)
        #expect(rows.count == 1 + Self.regions.count * (history.count + periods.count))
        for region in Self.regions {
            let group = try report["groups"].item(labelled: region)
            let plan = group["plan"].numbers
            let actual = rows.filter { $0[0] == region && $0[2] == "actual" }
            #expect(actual.map { $0[1] } == history)
            #expect(actual.map { Double($0[3]) } == group["actuals"].numbers)
            #expect(actual.map { Double($0[7]) } == Array(plan.prefix(history.count)))
            let ahead = rows.filter { $0[0] == region && $0[2] == "forecast" }
            #expect(ahead.map { $0[1] } == periods)
            for (column, series) in [(3, "forecast"), (4, "lower"), (5, "upper"), (6, "baseline")] {
                #expect(ahead.map { Double($0[column]) } == group[series].numbers, "\(series) of \(region)")
            }
            #expect(ahead.map { Double($0[7]) } == Array(plan.suffix(periods.count)))
            for (offset, scenario) in report["scenarios"].items.enumerated() {
                let forecast = try scenario["groups"].item(labelled: region)["forecast"].numbers
                #expect(ahead.map { Double($0[8 + offset]) } == forecast, "scenario \(offset) of \(region)")
            }
        }

        let table = try await space.run(["forecast", Self.app, "weekly_revenue"])
        #expect(table.status == 0, "\(table.standardError)")
        let text = table.standardOutput
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        let definition = try #require(report["credibility"]["definition"].string)
        #expect(text.replacingOccurrences(of: "\n  ", with: " ").components(separatedBy: definition).count == 2, "\(text)")
        #expect(text.contains("revision \(try #require(report["revision"].string))"))
        for region in Self.regions {
            let group = try report["groups"].item(labelled: region)
            let colour = try #require(group["credibility"]["colour"].string)
            #expect(lines.contains { $0.hasPrefix("region \(region): credibility \(colour) (") }, "\(text)")
            let series = ["forecast", "lower", "upper"].map { group[$0].numbers }
            for (index, period) in periods.enumerated() {
                let values = series.map { String(format: "%.2f", $0[index] ?? .nan) }
                #expect(
                    lines.contains { $0.hasPrefix("  \(period)") && $0.contains(values[0]) && $0.contains("\(values[1])–\(values[2])") },
                    "\(region) \(period): \(values)")
            }
        }
        for track in ["model", "naive", "seasonal_naive", "moving_average", "plan"] {
            #expect(lines.filter { $0.hasPrefix("  \(track) ") }.count == Self.regions.count, "track \(track)")
        }
    }

    @Test func aScenarioRunsAloneAndMovesOnlyItsRegion() async throws {
        let space = try Workspace()
        let json = try await space.run(["forecast", Self.app, "weekly_revenue", "--scenario", "east_subsidy_up", "--format", "json"])
        #expect(json.status == 0, "\(json.standardError)")
        let report = try JSON(parsing: json.standardOutput)
        #expect(report["scenarios"].items.map { $0["name"].string } == ["east_subsidy_up"])
        let groups = try #require(report["scenarios"].items.first)["groups"].items
        #expect(groups.map { $0["label"].string } == Self.regions)
        for group in groups {
            let deltas = group["delta"].numbers
            #expect(deltas.count == report["periods"].items.count)
            if group["label"].string == "east" {
                #expect(deltas.contains { $0 != 0 }, "\(deltas)")
            } else {
                #expect(deltas.allSatisfy { $0 == 0 }, "\(deltas)")
            }
        }

        let csv = try await space.run(["forecast", Self.app, "weekly_revenue", "--scenario", "east_subsidy_up", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.standardError)")
        #expect(Self.rows(csv.standardOutput).first?.last == "east_subsidy_up")
        #expect(!csv.standardOutput.contains("north_ads_cut"))
    }

    @Test func anUnknownForecastOrScenarioIsRefusedWithASuggestion() async throws {
        let space = try Workspace()
        let forecast = try await space.run(["forecast", Self.app, "weekly_revenu", "--format", "csv"])
        #expect(forecast.status == 1)
        #expect(forecast.standardOutput.isEmpty)
        #expect(forecast.standardError == "error: app 'sales-forecast' has no forecast 'weekly_revenu'; did you mean 'weekly_revenue'?\n")

        let scenario = try await space.run(["forecast", Self.app, "weekly_revenue", "--scenario", "east_subsidy", "--format", "json"])
        #expect(scenario.status == 1)
        #expect(scenario.standardOutput.isEmpty)
        #expect(scenario.standardError == "error: forecast 'weekly_revenue' has no scenario 'east_subsidy'; did you mean 'east_subsidy_up'?\n")
        #expect(!FileManager.default.fileExists(atPath: space.storeFile), "a refused request opens no store")
    }

    @Test func anAppWithAnErrorIsReportedAtItsPlaceAndNothingRuns() async throws {
        let space = try Workspace()
        let folder = space.folder.appendingPathComponent("sales-forecast")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = try String(contentsOfFile: Self.app + "/app.yaml", encoding: .utf8)
        let broken = source.replacingOccurrences(of: "measure: amount, date: sold_on,", with: "measure: amount, date: sold_onn,")
        #expect(broken != source)
        try broken.write(to: folder.appendingPathComponent("app.yaml"), atomically: true, encoding: .utf8)
        let lines = broken.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("sold_onn") })
        let column = try #require(lines[line].range(of: "sold_onn")).lowerBound.utf16Offset(in: lines[line]) + 1

        for arguments in [["forecast", folder.path, "weekly_revenue"], ["forecast", "fit", folder.path, "weekly_revenue"]] {
            let output = try await space.run(arguments)
            #expect(output.status == 1)
            #expect(output.standardOutput.isEmpty)
            #expect(output.standardError.contains("app.yaml:\(line + 1):\(column): error: "), "\(output.standardError)")
            #expect(output.standardError.contains("'sold_onn'"), "\(output.standardError)")
            #expect(!FileManager.default.fileExists(atPath: space.storeFile), "nothing is written for an app with errors")
        }
    }

    @Test func fitSuggestsWeightsWithTheBacktestBeforeAndAfter() async throws {
        let space = try Workspace()
        let output = try await space.run(["forecast", "fit", Self.app, "weekly_revenue"])
        #expect(output.status == 0, "\(output.standardError)")
        let lines = output.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("--- forecasts.weekly_revenue (current)"))
        #expect(lines.contains { $0.hasPrefix("+++ forecasts.weekly_revenue (suggested, λ = ") })
        #expect(lines.contains(" drivers:"))
        for (driver, current) in [("subsidy", "0.100"), ("ads", "0.050"), ("competitor", "0.150")] {
            let unchanged = lines.contains("   \(driver): { weight: \(current) }")
            let changed = lines.contains("-  \(driver): { weight: \(current) }") && lines.contains { $0.hasPrefix("+  \(driver): { weight: ") }
            #expect(unchanged != changed, "driver \(driver): \(output.standardOutput)")
        }
        #expect(lines.contains { $0.hasPrefix("+  ") }, "the weights in the app are not the true ones, so some must move")
        for row in ["current", "suggested"] {
            let cells = try #require(lines.first { $0.hasPrefix("  \(row) ") }).split(separator: " ")
            #expect(cells.count == 5, "\(cells)")
            #expect(cells.dropFirst().prefix(3).allSatisfy { Double($0) != nil }, "wape, mape and bias of \(row): \(cells)")
        }
        #expect(lines.contains { $0.split(separator: " ") == ["weights", "wape", "mape", "bias", "mase"] })
    }

    @Test func fitRefusesAForecastWithoutDrivers() async throws {
        let space = try Workspace()
        let output = try await space.run(["forecast", "fit", Self.app, "pipeline"])
        #expect(output.status == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError == "error: forecast 'pipeline' has no drivers, so it has no weights to fit\n")
        #expect(!FileManager.default.fileExists(atPath: space.storeFile), "a refused request opens no store")
    }

    @Test func helpMatchesTheGoldenFile() async throws {
        let output = try await CommandRunner.run(["forecast", "--help"])
        #expect(output.status == 0)
        #expect(output.standardOutput == (try CommandRunner.golden("forecast-help.txt")))
        let run = try await CommandRunner.run(["forecast", "run", "--help"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("USAGE: formwright forecast run <path> <name> [--app <app>] [--store <store>]"), "\(run.standardOutput)")
    }
}
