import Foundation

/// How an actual and its baseline become the value the weighted drivers should explain.
public enum WeightFitResponse: Sendable, Hashable {
    /// `log(actual / baseline)`, for `combine: log_linear` (forecast = baseline × exp(Σ weight × driver)).
    case logRatio
    /// `actual − baseline`, for `combine: additive` (forecast = baseline + Σ weight × driver).
    case difference

    /// The response for one observation; nil when it has none: a non-finite input, or for
    /// `logRatio` an actual or baseline that is zero or negative.
    public func value(actual: Double, baseline: Double) -> Double? {
        guard actual.isFinite, baseline.isFinite else { return nil }
        switch self {
        case .logRatio:
            guard actual > 0, baseline > 0 else { return nil }
            return log(actual / baseline)
        case .difference:
            let difference = actual - baseline
            return difference.isFinite ? difference : nil
        }
    }
}
