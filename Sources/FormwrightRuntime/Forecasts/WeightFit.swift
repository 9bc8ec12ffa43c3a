/// The weights a fit suggests, with the figures that justify them.
public struct WeightFit: Sendable, Hashable {
    /// The rolling-origin validation error of one candidate `λ`.
    public struct Validation: Sendable, Hashable {
        /// The candidate.
        public var lambda: Double
        /// The mean squared one-period-ahead error; nil when a training fold had no single solution.
        public var meanSquaredError: Double?

        /// Creates a validation result.
        public init(lambda: Double, meanSquaredError: Double?) {
            self.lambda = lambda
            self.meanSquaredError = meanSquaredError
        }
    }

    /// The driver names, in the order of the weights.
    public var drivers: [String]
    /// The weights in use before the fit.
    public var currentWeights: [Double]
    /// The suggested weights, each within its constraint.
    public var weights: [Double]
    /// The `λ` used.
    public var lambda: Double
    /// The objective `Σ (y − x·w)² + λ Σ (w_j − w0_j)²` at the suggested weights, on all observations.
    public var objective: Double
    /// The validation of each candidate `λ`, in grid order; empty for a fixed `λ`.
    public var validation: [Validation]

    /// Creates a fit result; `WeightFitter` makes them, and a caller may rebuild one it stored.
    public init(
        drivers: [String], currentWeights: [Double], weights: [Double], lambda: Double, objective: Double, validation: [Validation]
    ) {
        self.drivers = drivers
        self.currentWeights = currentWeights
        self.weights = weights
        self.lambda = lambda
        self.objective = objective
        self.validation = validation
    }
}
