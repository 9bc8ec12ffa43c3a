import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

/// The forecasts of `apps/sales-forecast` on its generated data: what the engine reads, what it
/// reports, and that the driver model with fitted weights beats the plain baselines and the plan.
/// One test at a time: each computes for seconds, and the rest of the tests need the threads too.
@Suite(.serialized) struct SalesForecastEngineTests {
    static let regions = ["east", "north", "south", "west"]

    @Test func theReportCoversEveryRegionFromTheFirstWeekToTheLastEndedOneAndFourWeeksAfter() async throws {
        let runtime = try await SalesForecastApp.runtime()
        let report = try await runtime.forecast("weekly_revenue", now: SalesForecastApp.now)
        #expect(report.history.first == "2023-12-04")
        #expect(report.history.last == "2026-11-23")
        #expect(report.history.count == 156)
        #expect(report.periods == ["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"])
        #expect(report.groups.map(\.label) == Self.regions)
        #expect(report.groupBy == ["region"])
        #expect(report.revision == runtime.definition.revision)
        #expect(report.weights.map(\.driver) == ["subsidy", "ads", "competitor"])
        #expect(report.weights.map(\.weight) == [0.10, 0.05, 0.15])
        #expect(report.notes.isEmpty, "\(report.notes)")
        #expect(report.credibility.definition.hasPrefix("WAPE of the model's backtest at horizon 4"))
        for group in report.groups {
            let lower = try #require(group.lower)
            let upper = try #require(group.upper)
            for index in 0..<4 {
                #expect(group.forecast[index] > 0 && group.forecast[index].isFinite)
                #expect(lower[index] <= group.forecast[index] && group.forecast[index] <= upper[index])
            }
            #expect(group.tracks.map(\.name) == ["model", "naive", "seasonal_naive", "moving_average", "plan"])
            #expect(group.tracks.allSatisfy { $0.result?.overall.count == 48 }, "12 windows × 4 horizons")
            #expect(try #require(group.plan).count == 160)
        }
    }

    @Test func actualsAreEachRegionsWeeklySalesAndThePlanIsThePlanTable() async throws {
        let report = try await SalesForecastApp.runtime().forecast("weekly_revenue", now: SalesForecastApp.now)
        var sales: [String: [String: Double]] = [:]
        for row in try SalesForecastApp.rows("sales") {
            sales[row["region"]!, default: [:]][try SalesForecastApp.monday(row["sold_on"]!), default: 0] += Double(row["amount"]!)!
        }
        var plan: [String: [String: Double]] = [:]
        for row in try SalesForecastApp.rows("plan") { plan[row["region"]!, default: [:]][row["week_of"]!] = Double(row["amount"]!)! }
        for group in report.groups {
            let region = group.label
            for (week, actual) in zip(report.history, group.actuals) {
                let expected = sales[region]?[week] ?? 0
                #expect(abs((actual ?? -1) - expected) < 1e-6 * max(expected, 1), "\(region) \(week)")
            }
            for (week, planned) in zip(report.history + report.periods, try #require(group.plan)) {
                #expect(planned == plan[region]?[week], "\(region) \(week)")
            }
        }
    }

    @Test func fitRecoversTheGeneratorsWeightsWithinTwoHundredthsAndLowersTheBacktestError() async throws {
        let suggestion = try await SalesForecastApp.runtime().suggestWeights(forecast: "weekly_revenue", now: SalesForecastApp.now)
        let truth = try SalesForecastApp.trueWeights()
        #expect(suggestion.fit.drivers == ["subsidy", "ads", "competitor"])
        #expect(suggestion.fit.currentWeights == [0.10, 0.05, 0.15])
        for (driver, weight) in zip(suggestion.fit.drivers, suggestion.fit.weights) {
            let expected = try #require(truth[driver])
            #expect(abs(weight - expected) <= 0.02, "\(driver): fitted \(weight), true \(expected)")
        }
        let before = try #require(suggestion.before.wape)
        let after = try #require(suggestion.after.wape)
        #expect(after < before)
        #expect(suggestion.yamlChange.contains("+  ads: { weight: "))
    }

    @Test func withTheFittedWeightsTheDriverModelBeatsEveryPlainBaselineAndThePlanInEveryRegion() async throws {
        let suggestion = try await SalesForecastApp.runtime().suggestWeights(forecast: "weekly_revenue", now: SalesForecastApp.now)
        let folder = try SalesForecastApp.copy(weights: Dictionary(uniqueKeysWithValues: zip(suggestion.fit.drivers, suggestion.fit.weights)))
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try await SalesForecastApp.runtime(folder: folder).forecast("weekly_revenue", now: SalesForecastApp.now)
        for group in report.groups {
            let model = try #require(group.track("model")?.result?.overall.wape)
            for track in group.tracks where track.name != "model" {
                let other = try #require(track.result?.overall.wape, "\(group.label) \(track.name)")
                #expect(model < other, "\(group.label): model WAPE \(model), \(track.name) \(other)")
            }
            #expect(group.credibility.colour == .green, "\(group.label): \(group.credibility)")
        }
    }

    @Test func aHoltWintersBaselineIsFittedAndBacktestedBesideTheOtherBaselines() async throws {
        let folder = try SalesForecastApp.copy(replacing: [("    baseline: seasonal_naive\n", "    baseline: holt_winters\n")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try await SalesForecastApp.runtime(folder: folder).forecast("weekly_revenue", now: SalesForecastApp.now)
        #expect(report.baseline == "holt_winters")
        for group in report.groups {
            #expect(group.tracks.map(\.name) == ["model", "naive", "seasonal_naive", "moving_average", "holt_winters", "plan"])
            #expect(group.tracks.allSatisfy { $0.result != nil }, "\(group.tracks.map(\.unavailable))")
            #expect(group.forecast.allSatisfy { $0.isFinite && $0 > 0 })
            #expect(group.baseline.allSatisfy { $0.isFinite && $0 > 0 })
        }
    }

    @Test func scenariosMoveOnlyTheirRegionsAndLeaveTheOfficialForecastAsItIs() async throws {
        let runtime = try await SalesForecastApp.runtime()
        let all = try await runtime.forecast("weekly_revenue", now: SalesForecastApp.now)
        #expect(all.scenarios.map(\.name) == ["east_subsidy_up", "north_ads_cut"])
        for (scenario, region, sign) in [("east_subsidy_up", "east", 1.0), ("north_ads_cut", "north", -1.0)] {
            let one = try await runtime.forecast("weekly_revenue", scenario: scenario, now: SalesForecastApp.now)
            #expect(one.scenarios.map(\.name) == [scenario])
            #expect(one.groups.map(\.forecast) == all.groups.map(\.forecast), "the official forecast does not move")
            let report = try #require(one.scenarios.first)
            for (group, official) in zip(report.groups, one.groups) {
                #expect(zip(group.forecast, official.forecast).map { $0 - $1 } == group.delta)
                if group.label == region {
                    #expect(group.delta.allSatisfy { $0 * sign > 0 }, "\(scenario) \(group.label): \(group.delta)")
                } else {
                    #expect(group.delta.allSatisfy { $0 == 0 }, "\(scenario) \(group.label): \(group.delta)")
                }
            }
        }
    }

    @Test func theWeightedPipelineIsTheOpenDealsTimesTheirStagesProbabilityPlusWhatHasClosed() async throws {
        let report = try await SalesForecastApp.runtime().forecast("pipeline", now: SalesForecastApp.now)
        let probabilities = ["prospect": 0.10, "qualified": 0.25, "proposal": 0.50, "negotiation": 0.75, "won": 1.00, "lost": 0.00]
        var expected: [String: [String: Double]] = [:]
        for row in try SalesForecastApp.rows("opportunities") {
            let week = try SalesForecastApp.monday(row["expected_close"]!)
            expected[row["region"]!, default: [:]][week, default: 0] += Double(row["amount"]!)! * probabilities[row["stage"]!]!
        }
        #expect(report.periods == ["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"])
        #expect(report.groups.map(\.label) == Self.regions)
        for group in report.groups {
            for (week, value) in zip(report.periods, group.forecast) {
                let sum = try #require(expected[group.label]?[week])
                #expect(abs(value - sum) < 1e-6 * sum, "\(group.label) \(week)")
            }
            #expect(group.track("model")?.unavailable?.contains("what was open at each cutoff") == true)
            #expect(group.credibility.colour == .unknown)
            #expect(group.track("seasonal_naive")?.result != nil)
        }
    }

    @Test func sqliteGivesTheSameReportAsTheReferenceStore() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sales-forecast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try await SalesForecastApp.runtime()
        let runtime = AppRuntime(
            definition: reference.definition, storage: try await SQLiteStorage(path: folder.appendingPathComponent("data.sqlite").path))
        try await runtime.prepare()
        _ = try await SeedLoader(runtime: runtime).load()
        for name in ["weekly_revenue", "pipeline"] {
            let expected = try await reference.forecast(name, now: SalesForecastApp.now)
            let report = try await runtime.forecast(name, now: SalesForecastApp.now)
            #expect(report.history == expected.history)
            for (group, other) in zip(report.groups, expected.groups) {
                #expect(group.label == other.label)
                #expect(zip(group.forecast, other.forecast).allSatisfy { abs($0 - $1) <= 1e-9 * abs($1) }, "\(name) \(group.label)")
                #expect(group.actuals == other.actuals)
            }
        }
        try await runtime.storage.close()
    }

    @Test func anUnknownForecastOrScenarioIsNotFoundWithASuggestion() async throws {
        let runtime = try await SalesForecastApp.runtime()
        await #expect(throws: RuntimeError(.notFound, "app 'sales-forecast' has no forecast 'weekly_revenu'; did you mean 'weekly_revenue'?")) {
            try await runtime.forecast("weekly_revenu", now: SalesForecastApp.now)
        }
        await #expect(throws: RuntimeError(.notFound, "forecast 'weekly_revenue' has no scenario 'east_subsidy'; did you mean 'east_subsidy_up'?")) {
            try await runtime.forecast("weekly_revenue", scenario: "east_subsidy", now: SalesForecastApp.now)
        }
        await #expect(throws: RuntimeError(.notFound, "forecast 'pipeline' has no scenario 'x'; it has none")) {
            try await runtime.forecast("pipeline", scenario: "x", now: SalesForecastApp.now)
        }
        await #expect(throws: RuntimeError(.badRequest, "forecast 'pipeline' has no drivers, so it has no weights to fit")) {
            try await runtime.suggestWeights(forecast: "pipeline", now: SalesForecastApp.now)
        }
    }
}
