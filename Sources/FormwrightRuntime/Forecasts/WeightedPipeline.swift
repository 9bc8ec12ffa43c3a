/// The weighted pipeline: open opportunities' amounts times the probability of their stage.
///
/// For horizon `h`: `ŷₕ = Σ amount × p(stage)` over the opportunities expected to close in
/// future period `h`; the interval treats each opportunity as closing independently with its
/// stage's probability: `ŷₕ ± z·√(Σ amount² × p × (1 − p))`.
public struct WeightedPipeline: Sendable, Hashable {
    /// One open opportunity.
    public struct Opportunity: Sendable, Hashable {
        /// The future period it is expected to close in: 1 is the first period after the history.
        public var period: Int
        /// Its amount.
        public var amount: Double
        /// Its stage, a key of ``WeightedPipeline/probabilities``.
        public var stage: String
        /// How many opportunities of this amount it stands for: a store's sum of `count` deals
        /// enters as `count` deals of their mean amount, which is exact for the forecast and
        /// treats their sizes as equal in the band.
        public var count: Int

        /// Creates an opportunity, or `count` alike.
        public init(period: Int, amount: Double, stage: String, count: Int = 1) {
            self.period = period
            self.amount = amount
            self.stage = stage
            self.count = count
        }
    }

    /// The probability of closing per stage, each in [0, 1]; a stage not listed counts as 0.
    public var probabilities: [String: Double]

    /// Creates a pipeline baseline with its stage probabilities.
    public init(probabilities: [String: Double]) {
        self.probabilities = probabilities
    }

    /// Forecasts horizons 1…`horizon`; opportunities expected outside them are left out.
    ///
    /// - Throws: ``ForecastError`` for a horizon below 1, a probability outside [0, 1] or an amount
    ///   that is not finite.
    public func forecast(_ opportunities: [Opportunity], horizon: Int, z: Double = PointForecast.z95) throws -> PointForecast {
        try PointForecast.check(horizon: horizon, z: z)
        for (stage, probability) in probabilities.sorted(by: { $0.key < $1.key }) where !(probability >= 0 && probability <= 1) {
            throw ForecastError(.invalidParameter, "probability \(probability) of stage '\(stage)' must be in [0, 1]")
        }
        var points = Array(repeating: 0.0, count: horizon)
        var variances = Array(repeating: 0.0, count: horizon)
        for opportunity in opportunities {
            guard opportunity.amount.isFinite else {
                throw ForecastError(.notFinite, "opportunity amount \(opportunity.amount) is not a finite number")
            }
            guard opportunity.period >= 1, opportunity.period <= horizon else { continue }
            let probability = probabilities[opportunity.stage] ?? 0
            let count = Double(max(opportunity.count, 0))
            points[opportunity.period - 1] += count * opportunity.amount * probability
            variances[opportunity.period - 1] += count * opportunity.amount * opportunity.amount * probability * (1 - probability)
        }
        let widths = variances.map { z * $0.squareRoot() }
        return try PointForecast(points: points, lower: zip(points, widths).map { $0 - $1 }, upper: zip(points, widths).map { $0 + $1 })
            .checkedFinite("weighted pipeline")
    }
}
