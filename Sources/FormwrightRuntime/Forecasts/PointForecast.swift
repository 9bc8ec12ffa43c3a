/// Forecasts for the next periods, with a prediction interval when one can be given.
public struct PointForecast: Sendable, Hashable {
    /// The forecast for horizons 1…H, in order.
    public var points: [Double]
    /// The lower end of the interval per horizon, or `nil` when the method gives no interval.
    public var lower: [Double]?
    /// The upper end of the interval per horizon, or `nil` when the method gives no interval.
    public var upper: [Double]?

    /// Creates a forecast.
    public init(points: [Double], lower: [Double]? = nil, upper: [Double]? = nil) {
        self.points = points
        self.lower = lower
        self.upper = upper
    }

    /// The largest horizon a forecast or backtest accepts, in periods.
    public static let maximumHorizon = 10_000

    /// Throws unless `horizon` is in `1…maximumHorizon` and `z` is a finite number ≥ 0.
    static func check(horizon: Int, z: Double = z95) throws {
        guard horizon >= 1, horizon <= maximumHorizon else {
            throw ForecastError(.invalidParameter, "horizon \(horizon) must be in 1…\(maximumHorizon)")
        }
        guard z.isFinite, z >= 0 else { throw ForecastError(.invalidParameter, "interval quantile \(z) must be a finite number ≥ 0") }
    }

    /// The z-value of a two-sided 95% normal interval, the default interval width.
    public static let z95 = 1.959963984540054

    /// Points with a normal interval `point ± z · σ · √h` from the root mean square `σ` of
    /// one-step residuals; no interval when there are no residuals.
    static func withResidualInterval(_ points: [Double], residuals: [Double], z: Double) -> PointForecast {
        guard !residuals.isEmpty else { return PointForecast(points: points) }
        var squares = 0.0
        for residual in residuals { squares += residual * residual }
        let sigma = (squares / Double(residuals.count)).squareRoot()
        let widths = points.indices.map { z * sigma * Double($0 + 1).squareRoot() }
        return PointForecast(
            points: points, lower: zip(points, widths).map { $0 - $1 }, upper: zip(points, widths).map { $0 + $1 })
    }

    /// Throws unless every number is finite, so no NaN or infinity leaves a computation.
    func checkedFinite(_ what: String) throws -> PointForecast {
        let all = points + (lower ?? []) + (upper ?? [])
        guard all.allSatisfy(\.isFinite) else {
            throw ForecastError(.notFinite, "the \(what) forecast is not a finite number; the values are too large")
        }
        return self
    }
}
