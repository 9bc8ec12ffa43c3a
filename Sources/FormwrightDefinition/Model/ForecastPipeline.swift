/// Where a weighted pipeline's probability of each record comes from.
public struct ForecastPipeline: Sendable {
    /// Per-stage probabilities (`stage:` and `probabilities:`), or a number field holding each record's own (`probability:`).
    public var source: Source
    /// The condition on the target table's fields selecting the records still open; nil for all.
    public var open: ExpressionSource?

    /// Creates a pipeline.
    public init(source: Source, open: ExpressionSource?) {
        self.source = source
        self.open = open
    }

    /// Where the probabilities come from.
    public enum Source: Sendable {
        /// A stage field and a probability, 0 to 1, per stage value; a stage not listed counts 0.
        case stages(field: Located<String>, probabilities: [(stage: Located<String>, probability: Double)])
        /// A number field of each record, 0 to 1.
        case field(Located<String>)
    }

    /// The field a bare `weighted_pipeline` reads each record's probability from.
    public static let defaultProbabilityField = "probability"
}
