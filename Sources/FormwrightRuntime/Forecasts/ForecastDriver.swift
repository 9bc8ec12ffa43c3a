/// A driver: values per period that move the forecast by a weight.
public struct ForecastDriver: Sendable, Hashable {
    /// The driver's name.
    public var name: String
    /// Raw values per period, aligned with the target series: index 0 is the series' first
    /// period, and the values go on past the history into the forecast periods.
    public var values: [Double?]
    /// How much one unit of the normalised value moves the forecast.
    public var weight: Double
    /// The range the weight is held to, if any: a weight outside is clamped to the nearer end.
    public var bounds: ClosedRange<Double>?
    /// How the raw values are normalised before lagging.
    public var normalization: DriverNormalization
    /// The number of periods the driver acts late: period `t` uses the normalised value of `t − lag`.
    public var lag: Int
    /// What a missing value of this driver does, when it differs from the combination's policy.
    public var missing: MissingDriverPolicy?

    /// Creates a driver.
    public init(
        name: String, values: [Double?], weight: Double, bounds: ClosedRange<Double>? = nil,
        normalization: DriverNormalization = .none, lag: Int = 0, missing: MissingDriverPolicy? = nil
    ) {
        self.name = name
        self.values = values
        self.weight = weight
        self.bounds = bounds
        self.normalization = normalization
        self.lag = lag
        self.missing = missing
    }

    /// The weight held to ``bounds``.
    public var effectiveWeight: Double {
        guard let bounds else { return weight }
        return min(max(weight, bounds.lowerBound), bounds.upperBound)
    }

    /// The values the weight multiplies, one per period: normalised, then lagged.
    ///
    /// - Throws: ``ForecastError`` for a negative lag, a weight that is not finite or a bad normalisation.
    public func prepared() throws -> [Double?] {
        guard lag >= 0 else { throw ForecastError(.invalidParameter, "lag \(lag) of driver '\(name)' must be at least 0") }
        guard weight.isFinite else { throw ForecastError(.notFinite, "weight \(weight) of driver '\(name)' is not a finite number") }
        let normalized = try normalization.apply(values)
        return normalized.indices.map { $0 >= lag ? normalized[$0 - lag] : nil }
    }
}
