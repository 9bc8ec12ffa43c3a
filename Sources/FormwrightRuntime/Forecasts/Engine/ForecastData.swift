/// What the store holds for one forecast, per group and period ordinal (see ``ForecastTimeline``).
struct ForecastData: Sendable {
    /// A group's key values in the order of the group-by fields; nil for an empty field.
    typealias Key = [String?]

    /// The target's numerator (the sum or count) and, for a ratio, its denominator.
    struct Cell: Sendable {
        var numerator: Double
        var denominator: Double?
    }

    /// Open opportunities of one group and period: `Σ amount × p` and the variance `Σ amount² × p × (1 − p)`.
    struct PipelineCell: Sendable {
        var opportunities: [(amount: Double, stage: String, count: Int)] = []
    }

    /// The target per group and period.
    var target: [Key: [Int: Cell]] = [:]
    /// Open pipeline per group and period, for a weighted-pipeline baseline.
    var pipeline: [Key: [Int: PipelineCell]] = [:]
    /// Each driver's values by its own group key (a sub-key of the target's) and period.
    var drivers: [String: [Key: [Int: Double]]] = [:]
    /// The plan per group and period, when the forecast has one.
    var plan: [Key: [Int: Double]]?
}
