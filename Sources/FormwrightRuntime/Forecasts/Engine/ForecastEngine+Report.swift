import FormwrightCore
import FormwrightDefinition
import FormwrightStorage

extension ForecastEngine {
    /// The report of a run over `data`.
    func report(_ data: ForecastData, scenarios: [ForecastScenario], revision: String, now: Timestamp) throws -> ForecastReport {
        let span = try span(data, nowOrdinal: try nowOrdinal(now))
        let rule = credibilityRule
        var groups: [ForecastGroupReport] = []
        var scenarioGroups = Array(repeating: [ScenarioGroupDelta](), count: scenarios.count)
        for key in data.target.keys.sorted(by: Self.keyOrder) {
            let (report, forecasts): (ForecastGroupReport, [[Double]])
            do {
                (report, forecasts) = try group(key, data, span: span, scenarios: scenarios, rule: rule)
            } catch let error as ForecastError {
                throw ForecastError(error.kind, "group '\(Self.label(key))': \(error.message)")
            }
            groups.append(report)
            for (index, points) in forecasts.enumerated() {
                scenarioGroups[index].append(
                    ScenarioGroupDelta(label: report.label, forecast: points, delta: zip(points, report.forecast).map { $0 - $1 }))
            }
        }
        return ForecastReport(
            name: forecast.name.value, title: forecast.title?.resolve() ?? forecast.name.value, revision: revision, computedAt: now,
            period: forecast.period.value.rawValue, timeZone: app.timezone, baseline: forecast.baseline.method.value.rawValue,
            combine: forecast.combine.value.rawValue, groupBy: forecast.target.groupBy.map(\.value),
            weights: forecast.drivers.map { driver in
                let weight = weights[driver.name.value] ?? driver.weight.value
                let allowed = driver.allowedWeights
                return ForecastWeight(driver: driver.name.value, weight: weight, effective: min(max(weight, allowed.lowerBound), allowed.upperBound))
            },
            history: span.map(timeline.start), periods: (1...horizon).map { timeline.start(of: span.upperBound + $0) }, groups: groups,
            scenarios: zip(scenarios, scenarioGroups).map { ScenarioReport(name: $0.name.value, groups: $1) }, credibility: rule,
            notes: notes(data, span: span))
    }

    /// The ordinal of the period under way at `now`, in the app's time zone.
    func nowOrdinal(_ now: Timestamp) throws -> Int {
        guard let ordinal = timeline.ordinal(at: now, calendar: try PeriodCalendar(timeZone: app.timezone)) else {
            throw RuntimeError(.badRequest, "the time of the run is out of range")
        }
        return ordinal
    }

    var credibilityRule: CredibilityRule {
        let settings = forecast.credibility
        return CredibilityRule(
            metric: settings.metric.value.rawValue, horizon: min(settings.horizon?.value ?? horizon, horizon), green: settings.green.value,
            amber: settings.amber.value)
    }

    /// Groups in key order, an empty key value first.
    static func keyOrder(_ a: ForecastData.Key, _ b: ForecastData.Key) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            guard let x else { return true }
            guard let y else { return false }
            return x < y
        }
        return a.count < b.count
    }

    /// What a reader of the report should know about the inputs.
    func notes(_ data: ForecastData, span: ClosedRange<Int>) -> [String] {
        var notes: [String] = []
        for driver in forecast.drivers {
            let values = data.drivers[driver.name.value] ?? [:]
            guard let last = values.values.compactMap({ $0.keys.max() }).max() else {
                notes.append("driver '\(driver.name.value)' has no values in table '\(driver.table.value)': it does not move the forecast")
                continue
            }
            let end = span.upperBound + horizon
            if last < end {
                let policy =
                    switch driver.missing {
                    case .last: "its last known value stands in"
                    case .zero: "it counts as 0 (no effect) there"
                    case .skip: "drivers do not move those periods"
                    }
                notes.append(
                    "driver '\(driver.name.value)' has no value from \(timeline.start(of: last + 1)) on; \(policy) (missing: \(driver.missing.rawValue))")
            }
        }
        if [.seasonalNaive, .holtWinters].contains(forecast.baseline.method.value), span.count <= season {
            notes.append("the history has \(span.count) periods, not more than one season (\(season)): seasonal baselines repeat the last periods")
        }
        return notes
    }
}
