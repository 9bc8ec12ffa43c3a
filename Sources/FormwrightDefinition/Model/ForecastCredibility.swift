/// The colour of trust per group, from a backtest metric: green at or below `green`, amber at or
/// below `amber`, red above (the metric's absolute value for `bias`).
public struct ForecastCredibility: Sendable {
    /// The metric the bands apply to (default `wape`).
    public var metric: Located<ForecastMetric>
    /// The horizon, in periods ahead, whose metric is used; nil for the forecast's last horizon (`horizon: last`, the default).
    public var horizon: Located<Int>?
    /// The highest metric still green.
    public var green: Located<Double>
    /// The highest metric still amber.
    public var amber: Located<Double>

    /// The default bands: green up to 10 %, amber up to 20 %.
    public static let defaultGreen = 0.10
    /// See `defaultGreen`.
    public static let defaultAmber = 0.20

    /// Creates credibility bands.
    public init(metric: Located<ForecastMetric>, horizon: Located<Int>?, green: Located<Double>, amber: Located<Double>) {
        self.metric = metric
        self.horizon = horizon
        self.green = green
        self.amber = amber
    }
}
