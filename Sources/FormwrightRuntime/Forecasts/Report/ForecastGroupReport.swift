/// One group's part of a forecast run: its actuals, forecast, band, plan and backtests.
public struct ForecastGroupReport: Sendable {
    /// The group's key values, in the order of the report's `groupBy`; nil for an empty field.
    public var keys: [String?]
    /// The keys joined for display, such as `east · pro`; `all` when the forecast has no groups.
    public var label: String
    /// The actual value of each history period; nil where a ratio has nothing to divide by.
    public var actuals: [Double?]
    /// The official forecast of each forecast period.
    public var forecast: [Double]
    /// The lower and upper edges of the interval band, when the baseline gives one.
    public var lower: [Double]?
    /// See `lower`.
    public var upper: [Double]?
    /// The plain baseline of each forecast period, before any driver moved it.
    public var baseline: [Double]
    /// The plan's value of each history period and then each forecast period, when the forecast has a plan.
    public var plan: [Double?]?
    /// The rolling-origin backtests: the model first, then the plain baselines, then the plan.
    public var tracks: [ForecastTrack]
    /// How far this group's forecasts can be trusted.
    public var credibility: CredibilityScore

    /// Creates a group's report.
    public init(
        keys: [String?], label: String, actuals: [Double?], forecast: [Double], lower: [Double]?, upper: [Double]?, baseline: [Double],
        plan: [Double?]?, tracks: [ForecastTrack], credibility: CredibilityScore
    ) {
        self.keys = keys
        self.label = label
        self.actuals = actuals
        self.forecast = forecast
        self.lower = lower
        self.upper = upper
        self.baseline = baseline
        self.plan = plan
        self.tracks = tracks
        self.credibility = credibility
    }

    /// The backtest track with this name (`model`, a baseline method, or `plan`), if it ran.
    public func track(_ name: String) -> ForecastTrack? {
        tracks.first { $0.name == name }
    }
}
