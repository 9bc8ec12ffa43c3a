/// How a forecast is tested against the past: rolling origins, each using only data before its cutoff.
public struct ForecastBacktest: Sendable {
    /// The number of cutoffs, the latest `horizon` periods before the last complete period and each one period earlier.
    public var windows: Located<Int>
    /// The metrics reported, in the order written.
    public var metrics: [Located<ForecastMetric>]

    /// The default number of windows.
    public static let defaultWindows = 12
    /// The most windows.
    public static let maximumWindows = 104

    /// Creates a backtest.
    public init(windows: Located<Int>, metrics: [Located<ForecastMetric>]) {
        self.windows = windows
        self.metrics = metrics
    }
}

/// An error measure of forecasts against actuals.
public enum ForecastMetric: String, Sendable, CaseIterable {
    /// Weighted absolute percentage error: `Σ|actual − forecast| / Σ|actual|`.
    case wape
    /// Mean absolute percentage error over the periods whose actual is positive.
    case mape
    /// `Σ(forecast − actual) / Σ|actual|`: above 0 when the forecast runs high.
    case bias
    /// Mean absolute scaled error: the mean absolute error over that of the naive forecast in-sample.
    case mase
}

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

/// The traditional plan of a forecast's dual track: a table of planned values per group and period.
public struct ForecastPlan: Sendable {
    /// The table holding the plan.
    public var table: Located<String>
    /// The number or money field holding a planned value.
    public var value: Located<String>
    /// The date or datetime field putting a planned value in a period.
    public var date: Located<String>
    /// The fields matching planned values to groups, a subset of the target's `by` by name.
    public var groupBy: [Located<String>]

    /// Creates a plan.
    public init(table: Located<String>, value: Located<String>, date: Located<String>, groupBy: [Located<String>]) {
        self.table = table
        self.value = value
        self.date = date
        self.groupBy = groupBy
    }
}
