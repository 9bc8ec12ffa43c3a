/// The sign a driver's weight must have.
public enum WeightSign: String, Sendable, Hashable, CaseIterable {
    /// The weight is zero or more.
    case positive
    /// The weight is zero or less.
    case negative
    /// The weight may take either sign.
    case any
}

/// The values a driver's weight may take: closed bounds and a sign, both optional.
///
/// The weight must lie in `[lower, upper]` and have the given sign; a sign is the bound
/// `[0, ∞)` or `(−∞, 0]`, so `bounds: [-0.2, 0.4]` with `sign: positive` allows `[0, 0.4]`.
public struct WeightConstraint: Sendable, Hashable {
    /// The smallest weight allowed; `-infinity` for none.
    public var lower: Double
    /// The largest weight allowed; `infinity` for none.
    public var upper: Double
    /// The sign the weight must have.
    public var sign: WeightSign

    /// Creates a constraint; the default allows any weight.
    public init(lower: Double = -.infinity, upper: Double = .infinity, sign: WeightSign = .any) {
        self.lower = lower
        self.upper = upper
        self.sign = sign
    }

    /// A constraint that allows any weight.
    public static let unconstrained = WeightConstraint()

    /// The closed interval the bounds and sign together allow.
    ///
    /// - Throws: `WeightFitError.emptyConstraint` when nothing is allowed, `notFinite` on a NaN bound.
    func interval(driver: String) throws(WeightFitError) -> ClosedRange<Double> {
        if lower.isNaN || upper.isNaN || lower == .infinity || upper == -.infinity {
            throw WeightFitError(.notFinite, "the bounds of driver '\(driver)' are not numbers")
        }
        var low = lower
        var high = upper
        switch sign {
        case .positive: low = max(low, 0)
        case .negative: high = min(high, 0)
        case .any: break
        }
        guard low <= high else {
            throw WeightFitError(
                .emptyConstraint,
                "driver '\(driver)' allows no weight: bounds [\(lower), \(upper)] with sign '\(sign.rawValue)'")
        }
        return low...high
    }
}
