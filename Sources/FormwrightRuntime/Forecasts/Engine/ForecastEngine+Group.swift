import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions

extension ForecastEngine {
    /// Everything the report says about one group, and the scenarios' forecasts of it.
    func group(
        _ key: ForecastData.Key, _ data: ForecastData, span: ClosedRange<Int>, scenarios: [ForecastScenario], rule: CredibilityRule
    ) throws -> (report: ForecastGroupReport, scenarios: [[Double]]) {
        let series = self.series(key, data, span: span)
        let history = try series.filled()
        let n = history.count
        let drivers = self.drivers(key, data, span: span)
        let backtest = Backtest(windows: forecast.backtest.windows.value, horizon: horizon, seasonLength: season)
        let cutoffs = try? backtest.cutoffs(count: n)
        // Holt-Winters smoothing for the backtests is fitted once, on the history before the first cutoff.
        let earlyHistory = Array(history.prefix(cutoffs?.first ?? n))

        let plain: PointForecast
        let official: PointForecast
        var tracks: [ForecastTrack] = []
        var scenarioForecasts: [[Double]] = []
        if let pipeline = forecast.baseline.pipeline {
            plain = try pipelineForecast(key, data, span: span, pipeline: pipeline)
            official = plain
            scenarioForecasts = scenarios.map { _ in official.points }
            tracks.append(
                ForecastTrack(
                    name: "model", result: nil,
                    unavailable: "a weighted pipeline's backtest needs what was open at each cutoff, and the store keeps only what is open now"))
        } else {
            // The model's baseline sees the history without the drivers' effects; the drivers of the
            // forecast periods then move it. The plain baseline sees the history as it is.
            // The drivers' effects are worked out once for the history and the horizon.
            let effects = try combination.effects(drivers, periods: 0..<(n + horizon))
            let adjusted = try combination.adjusted(series, effects: effects)
            let adjustedHistory = try adjusted.filled()
            guard let raw = baseline(fitting: history), let model = baseline(fitting: adjustedHistory),
                let backtestModel = baseline(fitting: Array(adjustedHistory.prefix(earlyHistory.count)))
            else { throw RuntimeError(.badRequest, "forecast '\(forecast.name.value)' has no baseline") }
            plain = try raw.forecast(series, horizon: horizon)
            let base = try model.forecast(adjusted, horizon: horizon)
            official = try combination.apply(to: base, effects: effects[n...])
            for scenario in scenarios {
                let changed = try scenarioDrivers(drivers, scenario: scenario, key: key, firstPeriod: n)
                scenarioForecasts.append(try combination.apply(to: base, drivers: changed, firstPeriod: n).points)
            }
            tracks.append(track("model") { BacktestResult(pairs: try modelBacktest(series, adjusted: adjusted, effects: effects, model: backtestModel)) })
        }
        for (name, baseline) in plainBaselines(fitting: earlyHistory) {
            tracks.append(track(name) { try backtest.run(series, baseline: baseline) })
        }
        let plan = planValues(key, data, span: span)
        if let plan { tracks.append(track("plan") { try planBacktest(series, plan: plan, backtest: backtest) }) }
        return (
            ForecastGroupReport(
                keys: key, label: Self.label(key), actuals: series.values, forecast: official.points, lower: official.lower,
                upper: official.upper, baseline: plain.points, plan: plan, tracks: tracks, credibility: credibility(tracks, rule: rule)),
            scenarioForecasts
        )
    }

    /// The model's backtest pairs: at each cutoff the baseline of the adjusted history before it,
    /// moved by the drivers of the periods after it.
    /// `effects` are the drivers' effects of every period of the series and the horizon after it.
    func modelBacktest(_ series: ForecastSeries, adjusted: ForecastSeries, effects: [Double], model: Baseline) throws -> [[ForecastMetrics.Pair]] {
        try Backtest(windows: forecast.backtest.windows.value, horizon: horizon, seasonLength: season).pairs(series) { history in
            let base = try model.forecast(adjusted.prefix(history.count), horizon: horizon)
            return try combination.apply(to: base, effects: effects[history.count...]).points
        }
    }

    static func label(_ key: ForecastData.Key) -> String {
        key.isEmpty ? "all" : key.map { $0 ?? "(empty)" }.joined(separator: " · ")
    }

    /// A backtest track, or why it could not run.
    func track(_ name: String, _ run: () throws -> BacktestResult) -> ForecastTrack {
        do {
            return ForecastTrack(name: name, result: try run())
        } catch let error as ForecastError {
            return ForecastTrack(name: name, result: nil, unavailable: error.message)
        } catch {
            return ForecastTrack(name: name, result: nil, unavailable: "\(error)")
        }
    }

    /// The open pipeline of a group over the horizon, plus what has already closed in those periods.
    func pipelineForecast(_ key: ForecastData.Key, _ data: ForecastData, span: ClosedRange<Int>, pipeline: ForecastPipeline) throws -> PointForecast {
        let (_, probability) = ForecastReader.stageGrouping(pipeline)
        var opportunities: [WeightedPipeline.Opportunity] = []
        var probabilities: [String: Double] = [:]
        for (ordinal, cell) in data.pipeline[key] ?? [:] {
            for entry in cell.opportunities {
                probabilities[entry.stage] = probability(entry.stage)
                opportunities.append(.init(period: ordinal - span.upperBound, amount: entry.amount, stage: entry.stage, count: entry.count))
            }
        }
        opportunities.sort { ($0.period, $0.stage, $0.amount) < ($1.period, $1.stage, $1.amount) }
        var result = try WeightedPipeline(probabilities: probabilities).forecast(opportunities, horizon: horizon)
        let closed = data.target[key] ?? [:]
        let realised = (1...horizon).map { closed[span.upperBound + $0]?.numerator ?? 0 }
        result.points = zip(result.points, realised).map(+)
        result.lower = result.lower.map { zip($0, realised).map(+) }
        result.upper = result.upper.map { zip($0, realised).map(+) }
        return result
    }

    /// The plan's values over the history and the horizon, when the forecast has a plan its groups can be matched with.
    func planValues(_ key: ForecastData.Key, _ data: ForecastData, span: ClosedRange<Int>) -> [Double?]? {
        guard let plan = forecast.plan, let values = data.plan else { return nil }
        let by = forecast.target.groupBy.map(\.value)
        let positions = plan.groupBy.compactMap { by.firstIndex(of: $0.value) }
        let own = values[positions.map { key[$0] }] ?? [:]
        return (span.lowerBound...(span.upperBound + horizon)).map { own[$0] }
    }

    /// The plan judged like a forecaster: its value of each backtest period against the actual.
    func planBacktest(_ series: ForecastSeries, plan: [Double?], backtest: Backtest) throws -> BacktestResult {
        var byHorizon = Array(repeating: [ForecastMetrics.Pair](), count: horizon)
        for cutoff in try backtest.cutoffs(count: series.count) {
            let scale = ForecastMetrics.scale(try series.prefix(cutoff).filled(), seasonLength: season)
            for h in 1...horizon {
                let period = cutoff + h - 1
                guard let actual = series.values[period], let planned = plan[period] else { continue }
                byHorizon[h - 1].append(ForecastMetrics.Pair(forecast: planned, actual: actual, scale: scale))
            }
        }
        guard byHorizon.contains(where: { !$0.isEmpty }) else {
            throw ForecastError(.historyTooShort, "the plan has no value for the periods the backtest covers")
        }
        return BacktestResult(pairs: byHorizon)
    }

    /// The credibility of a group: the model's backtest metric at the rule's horizon, coloured.
    func credibility(_ tracks: [ForecastTrack], rule: CredibilityRule) -> CredibilityScore {
        guard let model = tracks.first(where: { $0.name == "model" }) else { return CredibilityScore(colour: .unknown, value: nil) }
        guard let result = model.result else { return CredibilityScore(colour: .unknown, value: nil, reason: model.unavailable) }
        let metrics = result.byHorizon.indices.contains(rule.horizon - 1) ? result.byHorizon[rule.horizon - 1] : result.overall
        let value = metrics.value(of: rule.metric)
        return CredibilityScore(
            colour: rule.colour(of: value), value: value,
            reason: value == nil ? "the backtest gives no \(rule.metric.uppercased()) at horizon \(rule.horizon)" : nil)
    }
}
