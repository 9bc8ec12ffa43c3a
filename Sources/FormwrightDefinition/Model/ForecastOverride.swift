public import FormwrightCore

/// One change of a scenario: a driver's values in the groups a condition selects, set, scaled or shifted.
public struct ForecastOverride: Sendable {
    /// The driver changed.
    public var driver: Located<String>
    /// A condition on the group's fields (each a string) selecting the groups changed; nil for all.
    public var condition: ExpressionSource?
    /// What is done to the driver's raw values, before normalisation.
    public var change: Located<Change>
    /// Where the override was written.
    public var range: SourceRange

    /// Creates an override.
    public init(driver: Located<String>, condition: ExpressionSource?, change: Located<Change>, range: SourceRange) {
        self.driver = driver
        self.condition = condition
        self.change = change
        self.range = range
    }

    /// What an override does to a value.
    public enum Change: Sendable, Equatable {
        /// `set: x`: the value becomes x.
        case set(Double)
        /// `scale: x`: the value is multiplied by x.
        case scale(Double)
        /// `add: x`: x is added to the value.
        case add(Double)

        /// The key that writes the change.
        public static let keys = ["set", "scale", "add"]
    }
}
