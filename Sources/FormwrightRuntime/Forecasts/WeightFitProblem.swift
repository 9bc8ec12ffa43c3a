/// The drivers of one forecast, their current weights and constraints, and the observations to fit them on.
///
/// The fit minimises `Σ (y − x·w)² + λ Σ (w_j − w0_j)²` over the observations (`x` the driver
/// values, `y` the response), with `w0` the current weights, subject to each weight's constraint.
public struct WeightFitProblem: Sendable, Hashable {
    /// The driver names, in the order of the observations' driver values.
    public var drivers: [String]
    /// The weights in use now (`w0`), which the fit shrinks toward.
    public var currentWeights: [Double]
    /// Each driver's bounds and sign.
    public var constraints: [WeightConstraint]
    /// The training observations.
    public var observations: [WeightFitObservation]

    /// Creates a problem; constraints default to none.
    public init(
        drivers: [String], currentWeights: [Double], constraints: [WeightConstraint]? = nil, observations: [WeightFitObservation]
    ) {
        self.drivers = drivers
        self.currentWeights = currentWeights
        self.constraints = constraints ?? Array(repeating: .unconstrained, count: drivers.count)
        self.observations = observations
    }

    /// Checks sizes and numbers, returning each driver's allowed interval.
    func validated() throws(WeightFitError) -> [ClosedRange<Double>] {
        let count = drivers.count
        guard count > 0 else { throw WeightFitError(.notEnoughData, "the forecast has no driver to fit") }
        guard !observations.isEmpty else { throw WeightFitError(.notEnoughData, "no observation to fit the weights on") }
        guard currentWeights.count == count else {
            throw WeightFitError(.dimensionMismatch, "\(currentWeights.count) current weights for \(count) drivers")
        }
        guard constraints.count == count else {
            throw WeightFitError(.dimensionMismatch, "\(constraints.count) constraints for \(count) drivers")
        }
        for (name, weight) in zip(drivers, currentWeights) where !weight.isFinite {
            throw WeightFitError(.notFinite, "the current weight of driver '\(name)' is not a number")
        }
        for observation in observations {
            guard observation.drivers.count == count else {
                throw WeightFitError(
                    .dimensionMismatch,
                    "an observation in period \(observation.period) has \(observation.drivers.count) driver values for \(count) drivers")
            }
            guard observation.response.isFinite, observation.drivers.allSatisfy(\.isFinite) else {
                throw WeightFitError(.notFinite, "an observation in period \(observation.period) has a value that is not a number")
            }
        }
        var intervals: [ClosedRange<Double>] = []
        for (name, constraint) in zip(drivers, constraints) { intervals.append(try constraint.interval(driver: name)) }
        return intervals
    }

    /// The objective `Σ (y − x·w)² + λ Σ (w_j − w0_j)²` at `weights`, over `observations`.
    public func objective(weights: [Double], lambda: Double) -> Double {
        objective(weights: weights, lambda: lambda, over: observations)
    }

    func objective(weights: [Double], lambda: Double, over rows: [WeightFitObservation]) -> Double {
        var total = 0.0
        for row in rows {
            var residual = row.response
            for (value, weight) in zip(row.drivers, weights) { residual -= value * weight }
            total += residual * residual
        }
        for (weight, current) in zip(weights, currentWeights) { total += lambda * (weight - current) * (weight - current) }
        return total
    }
}
