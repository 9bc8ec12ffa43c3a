/// A named what-if: driver overrides run apart from the official forecast and reported as deltas against it.
public struct ForecastScenario: Sendable {
    /// The scenario's name.
    public var name: Located<String>
    /// The overrides in the order written; a later one applies on top of an earlier one.
    public var overrides: [ForecastOverride]

    /// Creates a scenario.
    public init(name: Located<String>, overrides: [ForecastOverride]) {
        self.name = name
        self.overrides = overrides
    }
}
