public import FormwrightCore

/// One run of a forecast: what it read, what it used and what it found, per group.
///
/// Periods are named by the date they start (`YYYY-MM-DD`, in the app's time zone). `history`
/// lists the periods with actuals, oldest first, and ends with the last period that has data and
/// has ended by the time of the run; `periods` lists the `horizon` periods forecast after it.
/// Every group's series are aligned with these two lists.
public struct ForecastReport: Sendable {
    /// The forecast's name in the app.
    public var name: String
    /// Its title, or its name when it has none.
    public var title: String
    /// The app's definition revision the run used.
    public var revision: String
    /// When the run was made.
    public var computedAt: Timestamp
    /// `day`, `week` or `month`.
    public var period: String
    /// The IANA zone periods are counted in.
    public var timeZone: String
    /// The baseline method, such as `seasonal_naive`.
    public var baseline: String
    /// `log_linear` or `additive`; with no drivers it does not matter.
    public var combine: String
    /// The target's group-by fields, in order; each group's `keys` follow it.
    public var groupBy: [String]
    /// The drivers' weights as the run used them.
    public var weights: [ForecastWeight]
    /// The periods with actuals.
    public var history: [String]
    /// The periods forecast.
    public var periods: [String]
    /// One entry per group, in key order.
    public var groups: [ForecastGroupReport]
    /// The scenarios run, each as its changes against the official forecast.
    public var scenarios: [ScenarioReport]
    /// How a group's colour is worked out.
    public var credibility: CredibilityRule
    /// Facts about the run worth knowing, in plain words (a driver without values, a short history).
    public var notes: [String]

    /// Creates a report.
    public init(
        name: String, title: String, revision: String, computedAt: Timestamp, period: String, timeZone: String, baseline: String,
        combine: String, groupBy: [String], weights: [ForecastWeight], history: [String], periods: [String],
        groups: [ForecastGroupReport], scenarios: [ScenarioReport], credibility: CredibilityRule, notes: [String]
    ) {
        self.name = name
        self.title = title
        self.revision = revision
        self.computedAt = computedAt
        self.period = period
        self.timeZone = timeZone
        self.baseline = baseline
        self.combine = combine
        self.groupBy = groupBy
        self.weights = weights
        self.history = history
        self.periods = periods
        self.groups = groups
        self.scenarios = scenarios
        self.credibility = credibility
        self.notes = notes
    }

    /// The group with these key values, if any.
    public func group(_ keys: [String?]) -> ForecastGroupReport? {
        groups.first { $0.keys == keys }
    }
}
