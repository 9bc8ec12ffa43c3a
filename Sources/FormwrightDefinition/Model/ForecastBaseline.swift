/// The forecast before drivers move it, with the options of its method.
///
/// Options apply only to their method: `window` to `moving_average`; `season` to `seasonal_naive`
/// and `holt_winters`; `alpha`, `beta` and `gamma` to `holt_winters`; `stage`, `probabilities`,
/// `probability` and `open` to `weighted_pipeline`.
public struct ForecastBaseline: Sendable {
    /// The method.
    public var method: Located<Method>
    /// The number of trailing periods a moving average takes (default 4).
    public var window: Int
    /// The season length in periods of seasonal methods (default: the period's `defaultSeason`).
    public var season: Int
    /// Holt-Winters smoothing of the level, 0 to 1; nil lets the engine choose.
    public var alpha: Double?
    /// Holt-Winters smoothing of the trend, 0 to 1; nil lets the engine choose.
    public var beta: Double?
    /// Holt-Winters smoothing of the season, 0 to 1; nil lets the engine choose.
    public var gamma: Double?
    /// The weighted pipeline's probabilities.
    public var pipeline: ForecastPipeline?

    /// The default moving-average window.
    public static let defaultWindow = 4

    /// Creates a baseline.
    public init(
        method: Located<Method>, window: Int = ForecastBaseline.defaultWindow, season: Int, alpha: Double? = nil, beta: Double? = nil,
        gamma: Double? = nil, pipeline: ForecastPipeline? = nil
    ) {
        self.method = method
        self.window = window
        self.season = season
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.pipeline = pipeline
    }

    /// A baseline method.
    public enum Method: String, Sendable, CaseIterable {
        /// The last period's value, repeated.
        case naive
        /// The value one season earlier.
        case seasonalNaive = "seasonal_naive"
        /// The mean of the last `window` periods.
        case movingAverage = "moving_average"
        /// Additive Holt-Winters: level, trend and season smoothed by `alpha`, `beta` and `gamma`.
        case holtWinters = "holt_winters"
        /// The open records' measure times their probability of closing, in the period of their date.
        case weightedPipeline = "weighted_pipeline"
    }
}
