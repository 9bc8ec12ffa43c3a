/// Accuracy of forecasts against actuals, each error `e = forecast − actual`.
///
/// A metric with nothing to measure is `nil`, never NaN or infinity.
public struct ForecastMetrics: Sendable, Hashable {
    /// `Σ|e| / Σ|y|`; `nil` when `Σ|y| = 0`.
    public var wape: Double?
    /// The mean of `|e| / y` over actuals `y > 0` only; `nil` when there is none.
    public var mape: Double?
    /// `Σe / Σy`: above 0 the forecasts ran high, below 0 low; `nil` when `Σy = 0`.
    public var bias: Double?
    /// The mean of `|e| / scale`, `scale` the mean absolute seasonal naive one-step error of the
    /// training data at the error's cutoff; errors whose scale is 0 are left out; `nil` when none is left.
    public var mase: Double?
    /// The number of forecast–actual pairs measured.
    public var count: Int

    /// Creates metrics with the given values.
    public init(wape: Double?, mape: Double?, bias: Double?, mase: Double?, count: Int) {
        self.wape = wape
        self.mape = mape
        self.bias = bias
        self.mase = mase
        self.count = count
    }

    /// One forecast measured against its actual, with the scale MASE divides by.
    public struct Pair: Sendable, Hashable {
        /// The forecast.
        public var forecast: Double
        /// The actual.
        public var actual: Double
        /// The MASE scale at the forecast's cutoff, or `nil` when it is 0 or unknown.
        public var scale: Double?

        /// Creates a pair.
        public init(forecast: Double, actual: Double, scale: Double? = nil) {
            self.forecast = forecast
            self.actual = actual
            self.scale = scale
        }
    }

    /// The metrics of a set of pairs.
    public init(_ pairs: [Pair]) {
        var absoluteErrors = 0.0, errors = 0.0, absoluteActuals = 0.0, actuals = 0.0
        var percentSum = 0.0, percentCount = 0, scaledSum = 0.0, scaledCount = 0
        for pair in pairs {
            let error = pair.forecast - pair.actual
            absoluteErrors += abs(error)
            errors += error
            absoluteActuals += abs(pair.actual)
            actuals += pair.actual
            if pair.actual > 0 {
                percentSum += abs(error) / pair.actual
                percentCount += 1
            }
            if let scale = pair.scale, scale > 0 {
                scaledSum += abs(error) / scale
                scaledCount += 1
            }
        }
        self.init(
            wape: Self.finite(absoluteActuals != 0 ? absoluteErrors / absoluteActuals : nil),
            mape: Self.finite(percentCount > 0 ? percentSum / Double(percentCount) : nil),
            bias: Self.finite(actuals != 0 ? errors / actuals : nil),
            mase: Self.finite(scaledCount > 0 ? scaledSum / Double(scaledCount) : nil),
            count: pairs.count)
    }

    /// The MASE scale of a training history: the mean of `|yₜ − yₜ₋ₘ|` for `t = m … n−1`, with
    /// `m` 1 when the history is not longer than a season (as the seasonal naive baseline falls
    /// back); `nil` when there is no such term or the mean is 0.
    public static func scale(_ training: [Double], seasonLength: Int) -> Double? {
        let m = training.count > seasonLength ? max(seasonLength, 1) : 1
        guard training.count > m else { return nil }
        var sum = 0.0
        for t in m..<training.count { sum += abs(training[t] - training[t - m]) }
        let scale = sum / Double(training.count - m)
        return scale > 0 && scale.isFinite ? scale : nil
    }

    private static func finite(_ value: Double?) -> Double? {
        value.flatMap { $0.isFinite ? $0 : nil }
    }
}
