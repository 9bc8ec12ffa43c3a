/// A rolling forecast (`forecasts:`): a measure of one table, summed per group and period, carried
/// forward by a baseline and moved by weighted drivers.
///
/// The definition says what to compute; the engine computes it. Everything here has been checked
/// against the app's tables: the target's, drivers' and plan's fields exist and have fitting types,
/// weights lie within their bounds and sign, and scenario conditions compile.
public struct ForecastDefinition: Sendable {
    /// The forecast's name, naming its API route and page.
    public var name: Located<String>
    /// How people see the forecast; the name when absent.
    public var title: LocalizedText?
    /// What the forecast is for, for people.
    public var description: LocalizedText?
    /// What is forecast: a table's measure per date period and group.
    public var target: ForecastTarget
    /// The length of one period.
    public var period: Located<ForecastPeriod>
    /// How many periods ahead are forecast, 1 to `maximumHorizon`.
    public var horizon: Located<Int>
    /// The forecast before drivers move it.
    public var baseline: ForecastBaseline
    /// The drivers in the order written.
    public var drivers: [ForecastDriver]
    /// How the drivers' effects join the baseline; `additive` by default for a ratio measure, else `log_linear`.
    public var combine: Located<ForecastCombination>
    /// The largest total effect: `|Σ weight × driver|` is clipped to it (`cap:`); nil for no cap.
    public var cap: Located<Double>?
    /// What-if scenarios in the order written, each run apart from the official forecast.
    public var scenarios: [ForecastScenario]
    /// How the forecast is tested against the past.
    public var backtest: ForecastBacktest
    /// The colour bands of trust, per group.
    public var credibility: ForecastCredibility
    /// The traditional plan compared with the forecast (dual track); nil when there is none.
    public var plan: ForecastPlan?

    /// The longest horizon, in periods: two years of weeks.
    public static let maximumHorizon = 104

    /// Creates a forecast.
    public init(
        name: Located<String>, title: LocalizedText?, description: LocalizedText?, target: ForecastTarget, period: Located<ForecastPeriod>,
        horizon: Located<Int>, baseline: ForecastBaseline, drivers: [ForecastDriver], combine: Located<ForecastCombination>,
        cap: Located<Double>?, scenarios: [ForecastScenario], backtest: ForecastBacktest, credibility: ForecastCredibility,
        plan: ForecastPlan?
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.target = target
        self.period = period
        self.horizon = horizon
        self.baseline = baseline
        self.drivers = drivers
        self.combine = combine
        self.cap = cap
        self.scenarios = scenarios
        self.backtest = backtest
        self.credibility = credibility
        self.plan = plan
    }

    /// The driver with a name.
    public func driver(named name: String) -> ForecastDriver? {
        drivers.first { $0.name.value == name }
    }

    /// The scenario with a name.
    public func scenario(named name: String) -> ForecastScenario? {
        scenarios.first { $0.name.value == name }
    }
}
