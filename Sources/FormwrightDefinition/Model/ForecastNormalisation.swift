/// How a driver's values are made comparable before weighting, over a trailing window of periods
/// ending at the period before the one normalised.
public struct ForecastNormalisation: Sendable, Equatable {
    /// The method.
    public var method: Method
    /// The trailing window, in periods.
    public var window: Int

    /// The largest window, in periods.
    public static let maximumWindow = 520

    /// Creates a normalisation.
    public init(method: Method, window: Int) {
        self.method = method
        self.window = window
    }

    /// A normalisation method.
    public enum Method: String, Sendable, CaseIterable {
        /// `(x − mean) / standard deviation` of the window: a weight is the effect of one standard deviation.
        case zscore
        /// `x / mean − 1` of the window: a weight is the effect of doubling the driver.
        case percent
    }
}
