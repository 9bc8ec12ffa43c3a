/// How drivers' effects join the baseline.
public enum ForecastCombination: String, Sendable, CaseIterable {
    /// `forecast = baseline × exp(Σ weight × driver)`: effects are relative, for revenue and volumes.
    case logLinear = "log_linear"
    /// `forecast = baseline + Σ weight × driver`: effects are absolute, for rates.
    case additive
}
