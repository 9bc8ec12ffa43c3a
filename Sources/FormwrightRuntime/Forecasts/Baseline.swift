/// A statistical baseline: how a forecast follows from a series' own history.
///
/// Every baseline fits the series' ``ForecastSeries/filled()`` values `y₀ … yₙ₋₁` and gives points
/// for horizons `h = 1…H` with a normal interval from its in-sample one-step residuals (see
/// ``PointForecast``). The formulas are listed in `docs/forecasts.md`, section Methods.
public enum Baseline: Sendable, Hashable {
    /// The last value: `ŷₙ₊ₕ = yₙ₋₁`.
    case naive
    /// The value one season earlier: `ŷₙ₊ₕ = yₙ₋ₘ₊((h−1) mod m)`; the naive baseline when the
    /// history is not longer than one season (`n ≤ m`).
    case seasonalNaive(seasonLength: Int)
    /// The mean of the last `window` values (of all values when fewer are known).
    case movingAverage(window: Int)
    /// Additive Holt-Winters (level, trend and season) with the given or fitted smoothing weights.
    case holtWinters(HoltWinters)

    /// Forecasts horizons 1…`horizon` from a series.
    ///
    /// - Parameters:
    ///   - series: the history; missing values are handled as ``ForecastSeries/filled()`` says.
    ///   - horizon: the number of periods ahead, at least 1.
    ///   - z: the normal quantile of the interval; the default gives a 95% interval.
    /// - Throws: ``ForecastError`` for a bad parameter, an empty history or a value that is not finite.
    public func forecast(_ series: ForecastSeries, horizon: Int, z: Double = PointForecast.z95) throws -> PointForecast {
        try forecast(series.filled(), horizon: horizon, z: z)
    }

    /// Forecasts horizons 1…`horizon` from known, finite values.
    func forecast(_ values: [Double], horizon: Int, z: Double) throws -> PointForecast {
        try PointForecast.check(horizon: horizon, z: z)
        guard !values.isEmpty else { throw ForecastError(.historyTooShort, "the history has no known value") }
        let result: PointForecast
        switch self {
        case .naive:
            result = Self.naive(values, horizon: horizon, z: z)
        case .seasonalNaive(let seasonLength):
            guard seasonLength >= 1 else { throw ForecastError(.invalidParameter, "season length \(seasonLength) must be at least 1") }
            result = Self.seasonalNaive(values, seasonLength: seasonLength, horizon: horizon, z: z)
        case .movingAverage(let window):
            guard window >= 1 else { throw ForecastError(.invalidParameter, "moving average window \(window) must be at least 1") }
            result = Self.movingAverage(values, window: window, horizon: horizon, z: z)
        case .holtWinters(let model):
            result = try model.forecast(values, horizon: horizon, z: z)
        }
        return try result.checkedFinite("baseline")
    }

    static func naive(_ values: [Double], horizon: Int, z: Double) -> PointForecast {
        seasonalNaive(values, seasonLength: 1, horizon: horizon, z: z)
    }

    static func seasonalNaive(_ values: [Double], seasonLength: Int, horizon: Int, z: Double) -> PointForecast {
        let n = values.count
        let m = n > seasonLength ? seasonLength : 1
        guard n > m else { return PointForecast(points: Array(repeating: values[n - 1], count: horizon)) }
        let points = (1...horizon).map { values[n - m + ($0 - 1) % m] }
        let residuals = (m..<n).map { values[$0] - values[$0 - m] }
        return PointForecast.withResidualInterval(points, residuals: residuals, z: z)
    }

    static func movingAverage(_ values: [Double], window: Int, horizon: Int, z: Double) -> PointForecast {
        let n = values.count
        let k = min(window, n)
        let points = Array(repeating: mean(values[(n - k)..<n]), count: horizon)
        let residuals = window < n ? (window..<n).map { values[$0] - mean(values[($0 - window)..<$0]) } : []
        return PointForecast.withResidualInterval(points, residuals: residuals, z: z)
    }

    static func mean(_ values: ArraySlice<Double>) -> Double {
        var sum = 0.0
        for value in values { sum += value }
        return sum / Double(values.count)
    }
}
