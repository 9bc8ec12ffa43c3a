/// The lowest and highest weight of a driver, `bounds: [lo, hi]`.
public struct ForecastBounds: Sendable, Equatable {
    /// The lowest weight.
    public var lower: Double
    /// The highest weight.
    public var upper: Double

    /// Creates bounds.
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}
