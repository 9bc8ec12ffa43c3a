import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Foundation
import Testing

/// The engine on small apps whose every figure can be worked out by hand: periods in the app's
/// time zone, the period under way left out, counts and ratios, drivers without values, short
/// histories and an empty store.
@Suite struct ForecastEngineTests {
    static let yaml = """
        formwright: 1
        app: visits
        timezone: Europe/Berlin
        tables:
          visits:
            fields:
              region:    { type: choice, options: [a, b], required: true }
              at:        { type: datetime, required: true }
              converted: { type: integer, required: true }
              seen:      { type: integer, required: true }
          promo:
            fields:
              region: { type: choice, options: [a, b], required: true }
              day:    { type: date, required: true }
              level:  { type: number, required: true }
        forecasts:
          daily_visits:
            target: { table: visits, measure: count, date: at, by: [region] }
            period: day
            horizon: 2
            baseline: naive
            drivers:
              promo: { table: promo, value: level, weight: 0.1, missing: zero, normalise: { method: zscore, window: 3 } }
            backtest: { windows: 2 }
          conversion:
            target: { table: visits, measure: { ratio: [converted, seen] }, date: at }
            period: day
            horizon: 1
            baseline: naive
            backtest: { windows: 3 }
        """

    /// 2026-03-10T12:00:00Z, a Tuesday: the day under way in Berlin is 2026-03-10.
    static let now = Timestamp(seconds: 1_773_144_000)

    static func runtime() async throws -> AppRuntime {
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        let definition = try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
        let runtime = AppRuntime(definition: definition, storage: MemoryStorage())
        try await runtime.prepare()
        return runtime
    }

    static func visit(_ runtime: AppRuntime, _ region: String, _ at: String, converted: Int = 0, seen: Int = 1) async throws {
        _ = try await runtime.create(
            table: "visits",
            input: SubmissionInput(
                values: ["region": .string(region), "at": .string(at), "converted": .int(Int64(converted)), "seen": .int(Int64(seen))],
                format: .json))
    }

    @Test func daysAreCountedInTheAppsTimeZoneAndTheDayUnderWayIsLeftOut() async throws {
        let runtime = try await Self.runtime()
        // 23:30 UTC on the 6th is 00:30 on the 7th in Berlin.
        for at in ["2026-03-06T10:00:00Z", "2026-03-06T23:30:00Z", "2026-03-07T09:00:00Z", "2026-03-09T08:00:00Z", "2026-03-10T08:00:00Z"] {
            try await Self.visit(runtime, "a", at)
        }
        try await Self.visit(runtime, "b", "2026-03-08T12:00:00Z")
        let report = try await runtime.forecast("daily_visits", now: Self.now)
        #expect(report.history == ["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"])
        #expect(report.periods == ["2026-03-10", "2026-03-11"])
        #expect(report.timeZone == "Europe/Berlin")
        #expect(report.groups.map(\.label) == ["a", "b"])
        #expect(report.groups[0].actuals == [1, 2, 0, 1])
        #expect(report.groups[1].actuals == [0, 0, 1, 0])
        // Naive: the last day's count; the promo table is empty, so no driver moves it.
        #expect(report.groups[0].forecast == [1, 1])
        #expect(report.groups[1].forecast == [0, 0])
        #expect(report.notes == ["driver 'promo' has no values in table 'promo': it does not move the forecast"])
    }

    @Test func aDriverWithoutValuesForTheForecastPeriodsIsNotedWithItsPolicy() async throws {
        let runtime = try await Self.runtime()
        for day in 1...9 { try await Self.visit(runtime, "a", "2026-03-0\(day)T12:00:00Z") }
        for day in 1...9 {
            _ = try await runtime.create(
                table: "promo",
                input: SubmissionInput(values: ["region": .string("a"), "day": .string("2026-03-0\(day)"), "level": .double(Double(day % 3))], format: .json))
        }
        let report = try await runtime.forecast("daily_visits", now: Self.now)
        #expect(report.notes == ["driver 'promo' has no value from 2026-03-10 on; it counts as 0 (no effect) there (missing: zero)"])
        #expect(report.weights == [ForecastWeight(driver: "promo", weight: 0.1, effective: 0.1)])
        // Day 9's level 0 after 0, 1, 2 is z = (0 − 1) / √(2/3): its effect is taken out of the
        // history, and with no promo value ahead (0, no effect) nothing puts it back.
        let z = -1 / (2.0 / 3).squareRoot()
        let expected = exp(-0.1 * z)
        #expect(report.groups[0].forecast.allSatisfy { abs($0 - expected) < 1e-12 }, "\(report.groups[0].forecast)")
        #expect(report.groups[0].baseline == [1, 1], "the plain baseline is yesterday's one visit")
    }

    @Test func aRatioIsTheRatioOfSumsAndIsEmptyInAPeriodWithNothingToDivideBy() async throws {
        let runtime = try await Self.runtime()
        try await Self.visit(runtime, "a", "2026-03-05T12:00:00Z", converted: 1, seen: 4)
        try await Self.visit(runtime, "b", "2026-03-05T13:00:00Z", converted: 2, seen: 4)
        try await Self.visit(runtime, "a", "2026-03-07T12:00:00Z", converted: 3, seen: 4)
        try await Self.visit(runtime, "a", "2026-03-09T12:00:00Z", converted: 0, seen: 0)
        let report = try await runtime.forecast("conversion", now: Self.now)
        #expect(report.groups.map(\.label) == ["all"])
        #expect(report.history == ["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"])
        #expect(report.groups[0].actuals == [3.0 / 8.0, nil, 0.75, nil, nil])
        // Naive over the series with empty periods carried forward.
        #expect(report.groups[0].forecast == [0.75])
        #expect(report.combine == "additive")
    }

    @Test func aHistoryTooShortForTheBacktestLeavesTheTracksAndTheColourUnknownWithTheReason() async throws {
        let runtime = try await Self.runtime()
        try await Self.visit(runtime, "a", "2026-03-08T12:00:00Z")
        try await Self.visit(runtime, "a", "2026-03-09T12:00:00Z")
        let report = try await runtime.forecast("daily_visits", now: Self.now)
        let group = try #require(report.groups.first)
        let reason = "a backtest of 2 windows at horizon 2 needs 4 periods, the series has 2"
        #expect(group.tracks.map(\.unavailable) == Array(repeating: reason, count: 4))
        #expect(group.credibility == CredibilityScore(colour: .unknown, value: nil, reason: reason))
    }

    @Test func anEmptyStoreOrOnlyTodaysRecordsGiveAPlainError() async throws {
        let runtime = try await Self.runtime()
        let error = RuntimeError(
            .badRequest, "forecast 'daily_visits' has no data yet: table 'visits' holds no record dated before the current day that it counts")
        await #expect(throws: error) { try await runtime.forecast("daily_visits", now: Self.now) }
        try await Self.visit(runtime, "a", "2026-03-10T08:00:00Z")
        await #expect(throws: error) { try await runtime.forecast("daily_visits", now: Self.now) }
    }
}

extension ForecastEngineTests {
    @Test func aDriverValueTooLargeToComputeWithFailsTheRunNamingTheGroupAndWritesNothing() async throws {
        let runtime = try await Self.runtime()
        // Levels 1 and 2 by turns, then an absurd one on the first forecast day: its z-score, times the weight, overflows exp.
        for day in 1...10 {
            if day < 10 { try await Self.visit(runtime, "b", "2026-03-0\(day)T12:00:00Z") }
            _ = try await runtime.create(
                table: "promo",
                input: SubmissionInput(
                    values: ["region": .string("b"), "day": .string(String(format: "2026-03-%02d", day)), "level": .double(day == 10 ? 1e300 : Double(1 + day % 2))],
                    format: .json))
        }
        let before = try await runtime.storage.read(app: "visits") { try $0.count(table: "visits") }
        let error = await #expect(throws: RuntimeError.self) { try await runtime.forecast("daily_visits", now: Self.now) }
        #expect(error?.kind == .badRequest)
        #expect(error?.message.hasPrefix("forecast 'daily_visits': group 'b': ") == true, "\(error?.message ?? "")")
        #expect(try await runtime.storage.read(app: "visits") { try $0.count(table: "visits") } == before)
    }
}
