/// The metrics of a backtest, per horizon and over all horizons.
public struct BacktestResult: Sendable, Hashable {
    /// The metrics of horizon `h` at index `h − 1`, over all windows.
    public var byHorizon: [ForecastMetrics]
    /// The metrics over every window and horizon.
    public var overall: ForecastMetrics

    /// Creates a result.
    public init(byHorizon: [ForecastMetrics], overall: ForecastMetrics) {
        self.byHorizon = byHorizon
        self.overall = overall
    }

    /// The metrics of forecast and actual pairs grouped by horizon (index 0 is horizon 1).
    public init(pairs byHorizon: [[ForecastMetrics.Pair]]) {
        self.init(byHorizon: byHorizon.map(ForecastMetrics.init), overall: ForecastMetrics(byHorizon.flatMap { $0 }))
    }
}
