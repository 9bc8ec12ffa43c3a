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
