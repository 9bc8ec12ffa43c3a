/// A rolling-origin backtest: forecasts made at past cutoffs, each from the history up to its
/// cutoff only, measured against what followed.
///
/// The `windows` cutoffs are the latest for which every horizon has a period in the series:
/// `cᵢ = n − H − windows + 1 + i` for `i = 0 … windows−1`, each forecast made from periods
/// `0 … cᵢ−1`. A missing actual leaves its pair out.
public struct Backtest: Sendable, Hashable {
    /// The number of cutoffs, at least 1.
    public var windows: Int
    /// The horizon `H`, at least 1.
    public var horizon: Int
    /// The season length MASE's scale uses, as the seasonal naive baseline does.
    public var seasonLength: Int

    /// Creates a backtest.
    public init(windows: Int, horizon: Int, seasonLength: Int) {
        self.windows = windows
        self.horizon = horizon
        self.seasonLength = seasonLength
    }

    /// The cutoffs for a series of `count` periods.
    ///
    /// - Throws: ``ForecastError`` for a bad parameter, or when the first cutoff would leave no history.
    public func cutoffs(count: Int) throws -> [Int] {
        guard windows >= 1 else { throw ForecastError(.invalidParameter, "backtest windows \(windows) must be at least 1") }
        try PointForecast.check(horizon: horizon)
        guard seasonLength >= 1 else { throw ForecastError(.invalidParameter, "season length \(seasonLength) must be at least 1") }
        guard windows <= count - horizon else {
            let (needed, overflow) = horizon.addingReportingOverflow(windows)
            let periods = overflow ? "more than \(Int.max)" : "\(needed)"
            throw ForecastError(
                .historyTooShort, "a backtest of \(windows) windows at horizon \(horizon) needs \(periods) periods, the series has \(count)")
        }
        let first = count - horizon - windows + 1
        return (0..<windows).map { first + $0 }
    }

    /// Runs the backtest.
    ///
    /// - Parameters:
    ///   - series: the whole series.
    ///   - forecaster: makes the forecast for horizons 1…H from the history up to a cutoff
    ///     (`series.prefix(cutoff)`); it must not look further.
    /// - Throws: ``ForecastError`` for a bad parameter or a short series, and what `forecaster` throws.
    public func run(_ series: ForecastSeries, forecaster: (ForecastSeries) throws -> [Double]) throws -> BacktestResult {
        BacktestResult(pairs: try pairs(series, forecaster: forecaster))
    }

    /// The forecast and actual of every window and horizon, by horizon (index 0 is horizon 1),
    /// each with the MASE scale of its window's history: what ``run(_:forecaster:)`` measures,
    /// for pooling several series into one set of metrics.
    ///
    /// - Throws: as ``run(_:forecaster:)``.
    public func pairs(_ series: ForecastSeries, forecaster: (ForecastSeries) throws -> [Double]) throws -> [[ForecastMetrics.Pair]] {
        var byHorizon = Array(repeating: [ForecastMetrics.Pair](), count: horizon)
        for cutoff in try cutoffs(count: series.count) {
            let history = series.prefix(cutoff)
            let points = try forecaster(history)
            guard points.count >= horizon else {
                throw ForecastError(.invalidParameter, "the forecaster gave \(points.count) points, the horizon is \(horizon)")
            }
            let scale = ForecastMetrics.scale(try history.filled(), seasonLength: seasonLength)
            for h in 1...horizon {
                guard let actual = series.values[cutoff + h - 1] else { continue }
                guard points[h - 1].isFinite, actual.isFinite else {
                    throw ForecastError(.notFinite, "the backtest forecast or actual of period \(cutoff + h - 1) is not a finite number")
                }
                byHorizon[h - 1].append(ForecastMetrics.Pair(forecast: points[h - 1], actual: actual, scale: scale))
            }
        }
        return byHorizon
    }

    public func run(_ series: ForecastSeries, baseline: Baseline) throws -> BacktestResult {
        try run(series) { try baseline.forecast($0, horizon: horizon).points }
    }
}
