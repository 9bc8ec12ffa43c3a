/// A driver's weight as one forecast run used it.
public struct ForecastWeight: Sendable, Hashable {
    /// The driver's name.
    public var driver: String
    /// The weight the YAML gives.
    public var weight: Double
    /// The weight held to the driver's bounds and sign: the one that moved the forecast.
    public var effective: Double

    /// Creates a weight.
    public init(driver: String, weight: Double, effective: Double) {
        self.driver = driver
        self.weight = weight
        self.effective = effective
    }
}
