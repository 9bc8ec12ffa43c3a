/// A scenario's forecast beside the official one: never written over it, only compared with it.
public struct ScenarioReport: Sendable {
    /// The scenario's name.
    public var name: String
    /// One entry per group of the report, in the same order.
    public var groups: [ScenarioGroupDelta]

    /// Creates a scenario's report.
    public init(name: String, groups: [ScenarioGroupDelta]) {
        self.name = name
        self.groups = groups
    }
}

/// A scenario's forecast of one group and how far it moves from the official forecast.
public struct ScenarioGroupDelta: Sendable {
    /// The group's label, as in ``ForecastGroupReport/label``.
    public var label: String
    /// The scenario's forecast of each forecast period.
    public var forecast: [Double]
    /// Scenario minus official, per forecast period.
    public var delta: [Double]

    /// Creates a group's delta.
    public init(label: String, forecast: [Double], delta: [Double]) {
        self.label = label
        self.forecast = forecast
        self.delta = delta
    }

    /// The sum of the deltas over the horizon.
    public var total: Double { delta.reduce(0, +) }
}
