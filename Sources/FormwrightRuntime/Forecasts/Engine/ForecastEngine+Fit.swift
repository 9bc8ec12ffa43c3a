import FormwrightCore
import FormwrightDefinition

extension ForecastEngine {
    /// The most rounds of the fit: the history is taken out of the baseline with the weights of
    /// the round before, so the weights and the baseline settle together.
    static let maximumFitRounds = 10

    /// Suggests weights by ridge regression toward the current ones, within bounds and sign.
    ///
    /// Each observation is one group and period of the history: the response is how far the
    /// actual lies from the one-period-ahead baseline of the history without the drivers'
    /// effects (`log(actual / baseline)` for `log_linear`, `actual − baseline` for `additive`),
    /// the regressors are the drivers' normalised, lagged values. Taking the effects out needs
    /// weights, so the fit runs in rounds — the first with the current weights, each next with
    /// the last round's suggestion — until no weight moves by more than 0.0001 (at most
    /// ``maximumFitRounds``). The ridge always pulls toward the YAML's weights.
    func suggestWeights(_ data: ForecastData, nowOrdinal: Int) throws -> WeightSuggestion {
        guard forecast.baseline.pipeline == nil, !forecast.drivers.isEmpty else {
            throw RuntimeError(.badRequest, "forecast '\(forecast.name.value)' has no drivers, so it has no weights to fit")
        }
        let span = try span(data, nowOrdinal: nowOrdinal)
        let keys = data.target.keys.sorted(by: Self.keyOrder)
        let names = forecast.drivers.map(\.name.value)
        let current = forecast.drivers.map(\.weight.value)
        let constraints = forecast.drivers.map { driver in
            WeightConstraint(
                lower: driver.bounds?.value.lower ?? -.infinity, upper: driver.bounds?.value.upper ?? .infinity,
                sign: WeightSign(rawValue: driver.sign.value.rawValue) ?? .any)
        }
        var engine = self
        var fit: WeightFit?
        for _ in 0..<Self.maximumFitRounds {
            let observations = try keys.flatMap { try engine.observations($0, data, span: span) }
            let problem = WeightFitProblem(drivers: names, currentWeights: current, constraints: constraints, observations: observations)
            let round: WeightFit
            do {
                round = try WeightFitter().fit(problem)
            } catch {
                throw RuntimeError(.badRequest, "forecast '\(forecast.name.value)': \(error.message)")
            }
            fit = round
            let moved = zip(round.weights, names).map { abs($0 - (engine.weights[$1] ?? 0)) }.max() ?? 0
            engine.weights = Dictionary(uniqueKeysWithValues: zip(names, round.weights))
            if moved <= 1e-4 { break }
        }
        guard let fit else { throw RuntimeError(.badRequest, "forecast '\(forecast.name.value)' has nothing to fit") }
        return WeightSuggestion(
            fit: fit, before: try pooledBacktest(keys, data, span: span), after: try engine.pooledBacktest(keys, data, span: span),
            yamlChange: fit.yamlChange(forecast: forecast.name.value))
    }

    /// The fit's observations of one group with this engine's weights.
    func observations(_ key: ForecastData.Key, _ data: ForecastData, span: ClosedRange<Int>) throws -> [WeightFitObservation] {
        let series = self.series(key, data, span: span)
        let drivers = self.drivers(key, data, span: span)
        let adjusted = try combination.adjusted(series, drivers: drivers)
        guard let model = baseline(fitting: try adjusted.filled()) else { return [] }
        let prepared = try drivers.map { try $0.prepared() }
        let response: WeightFitResponse = forecast.combine.value == .additive ? .difference : .logRatio
        let n = series.count
        // A seasonal baseline needs a season of history before its forecasts mean what they say.
        let start = n - season >= 26 ? season : 1
        guard start < n else { return [] }
        var observations: [WeightFitObservation] = []
        for t in start..<n {
            guard let actual = series.values[t] else { continue }
            let values = prepared.map { t < $0.count ? $0[t] : nil }
            guard values.allSatisfy({ $0 != nil }) else { continue }
            let base = try model.forecast(adjusted.prefix(t), horizon: 1).points[0]
            guard let value = response.value(actual: actual, baseline: base) else { continue }
            observations.append(WeightFitObservation(period: t, drivers: values.map { $0 ?? 0 }, response: value))
        }
        return observations
    }

    /// The model's backtest pooled over the groups: every window, horizon and group in one set of metrics.
    func pooledBacktest(_ keys: [ForecastData.Key], _ data: ForecastData, span: ClosedRange<Int>) throws -> ForecastMetrics {
        var pairs: [ForecastMetrics.Pair] = []
        for key in keys {
            let series = self.series(key, data, span: span)
            let effects = try combination.effects(self.drivers(key, data, span: span), periods: 0..<(series.count + horizon))
            let adjusted = try combination.adjusted(series, effects: effects)
            let early = try Backtest(windows: forecast.backtest.windows.value, horizon: horizon, seasonLength: season).cutoffs(count: series.count)
            guard let model = baseline(fitting: Array(try adjusted.filled().prefix(early.first ?? series.count))) else { continue }
            pairs += try modelBacktest(series, adjusted: adjusted, effects: effects, model: model).flatMap { $0 }
        }
        return ForecastMetrics(pairs)
    }
}
