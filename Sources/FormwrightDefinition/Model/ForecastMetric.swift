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
