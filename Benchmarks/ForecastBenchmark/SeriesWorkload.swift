import FormwrightRuntime
import Foundation

/// Many series with their own 8 drivers, backtested with the numeric core alone: the forecast's
/// model (a moving average of the history without the drivers' effects, × exp(Σ weight × trailing
/// z-score), missing driver values carried forward) at every cutoff of a rolling-origin backtest.
struct SeriesWorkload {
    let count: Int
    let periods: Int
    /// `actuals[s][t]`.
    let actuals: [[Double]]
    /// `drivers[s][d][t]`.
    let drivers: [[[Double]]]

    init(count: Int, periods: Int = ForecastWorkload.weeks) {
        self.count = count
        self.periods = periods
        var random = SplitMix(seed: 500_026)
        var actuals: [[Double]] = []
        var drivers: [[[Double]]] = []
        for s in 0..<count {
            let own = ForecastWorkload.weights.indices.map { d in
                (0..<periods).map { t -> Double in
                    let cycle: Double = sin(2 * Double.pi * Double(t + s) / Double(5 + d))
                    return 50 + 5 * cycle + 3 * (random.unit() - 0.5)
                }
            }
            let growth = 0.002 * Double(s % 5)
            actuals.append(
                (0..<periods).map { t -> Double in
                    // Now and then a week without sales, which MAPE leaves out.
                    if random.below(50) == 0 { return 0 }
                    var pull = 0.0
                    for d in own.indices { pull += ForecastWorkload.weights[d] * (own[d][t] - 50) / 3 }
                    let cycle: Double = 1 + 0.2 * sin(2 * Double.pi * Double(t) / 13)
                    let level: Double = 1_000 * cycle * (1 + growth * Double(t))
                    let noise: Double = 0.8 + 0.4 * random.unit()
                    return (level * exp(pull) * noise * 100).rounded() / 100
                })
            drivers.append(own)
        }
        self.actuals = actuals
        self.drivers = drivers
    }

    /// The backtest of every series, in order.
    func run() throws -> [BacktestResult] {
        let backtest = Backtest(windows: ForecastWorkload.windows, horizon: ForecastWorkload.horizon, seasonLength: 52)
        let baseline = Baseline.movingAverage(window: ForecastWorkload.movingAverageWindow)
        let combination = ForecastCombination(form: .logLinear, missing: .last)
        return try (0..<count).map { s in
            let series = ForecastSeries(group: ["s\(s)"], values: actuals[s])
            let driverList = drivers[s].enumerated().map { d, values in
                ForecastDriver(
                    name: "d\(d + 1)", values: values, weight: ForecastWorkload.weights[d],
                    normalization: .zScore(window: ForecastWorkload.zScoreWindow))
            }
            // As the forecast engine does: the effects worked out once, the baseline fitted on the
            // history with them taken out, each window's forecast moved by its periods' effects.
            let effects = try combination.effects(driverList, periods: 0..<(series.count + ForecastWorkload.horizon))
            let adjusted = try combination.adjusted(series, effects: effects)
            return try backtest.run(series) { history in
                let plain = try baseline.forecast(adjusted.prefix(history.count), horizon: ForecastWorkload.horizon)
                return try combination.apply(to: plain, effects: effects[history.count...]).points
            }
        }
    }

    /// Writes `series.csv` (series, period, actual, d1 … d8) into `folder`.
    func export(to folder: URL) throws {
        let names = ForecastWorkload.weights.indices.map { "d\($0 + 1)" }.joined(separator: ",")
        var text = "series,period,actual,\(names)\n"
        for s in 0..<count {
            for t in 0..<periods {
                text += "\(s),\(t),\(actuals[s][t])," + drivers[s].map { "\($0[t])" }.joined(separator: ",") + "\n"
            }
        }
        try text.write(to: folder.appendingPathComponent("series.csv"), atomically: true, encoding: .utf8)
    }
}
