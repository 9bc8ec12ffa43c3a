/// Weights suggested for a forecast's drivers, with the backtest error before and after.
public struct WeightSuggestion: Sendable {
    /// The fit: the drivers, their current and suggested weights, the ridge strength chosen.
    public var fit: WeightFit
    /// The model's backtest over every group with the current weights.
    public var before: ForecastMetrics
    /// The same backtest with the suggested weights.
    public var after: ForecastMetrics
    /// The change to make in the YAML, as ``WeightFit/yamlChange(forecast:)`` prints it.
    public var yamlChange: String

    /// Creates a suggestion.
    public init(fit: WeightFit, before: ForecastMetrics, after: ForecastMetrics, yamlChange: String) {
        self.fit = fit
        self.before = before
        self.after = after
        self.yamlChange = yamlChange
    }
}
