/// Fits driver weights by ridge regression shrunk toward the current weights, within bounds and sign.
///
/// ```swift
/// let problem = WeightFitProblem(drivers: ["subsidy"], currentWeights: [0.10], observations: rows)
/// let fit = try WeightFitter().fit(problem)            // λ by rolling-origin validation
/// print(fit.yamlChange(forecast: "weekly_revenue"))
/// ```
///
/// The weights minimise `Σ (y − x·w)² + λ Σ (w_j − w0_j)²`. Without active constraints that is
/// the solution of `(XᵀX + λI) w = Xᵀy + λ w0`, found with a Cholesky factor; with them it is the
/// same quadratic minimised over the box of allowed weights (`BoxConstrainedQuadratic`).
public struct WeightFitter: Sendable {
    /// Creates a fitter.
    public init() {}

    /// The suggested weights for `problem`, with `λ` chosen as `strength` says.
    ///
    /// - Throws: `WeightFitError` on bad input, too few periods to validate, or a singular problem.
    public func fit(_ problem: WeightFitProblem, strength: RidgeStrength = .default) throws(WeightFitError) -> WeightFit {
        let box = try problem.validated()
        let lambda: Double
        var validation: [WeightFit.Validation] = []
        switch strength {
        case .fixed(let value):
            try Self.check(lambda: value)
            lambda = value
        case .rollingOrigin(let grid, let windows):
            validation = try validate(problem, box: box, grid: grid, windows: windows)
            var best: WeightFit.Validation?
            for candidate in validation {
                guard let error = candidate.meanSquaredError else { continue }
                if let chosen = best, let chosenError = chosen.meanSquaredError,
                    error > chosenError || (error == chosenError && candidate.lambda <= chosen.lambda)
                {
                    continue
                }
                best = candidate
            }
            guard let best else {
                throw WeightFitError(.singular, "no ridge strength in the grid gives a single solution on every validation fold")
            }
            lambda = best.lambda
        }
        let weights = try solve(problem.observations, problem: problem, box: box, lambda: lambda)
        return WeightFit(
            drivers: problem.drivers, currentWeights: problem.currentWeights, weights: weights, lambda: lambda,
            objective: problem.objective(weights: weights, lambda: lambda), validation: validation)
    }

    /// Each `λ` of `grid` scored on the last `windows` periods, each predicted from the periods before it.
    private func validate(
        _ problem: WeightFitProblem, box: [ClosedRange<Double>], grid: [Double], windows: Int
    ) throws(WeightFitError) -> [WeightFit.Validation] {
        guard !grid.isEmpty else { throw WeightFitError(.invalidLambda, "the grid of ridge strengths is empty") }
        for value in grid { try Self.check(lambda: value) }
        guard windows > 0 else { throw WeightFitError(.notEnoughData, "rolling-origin validation needs at least one window") }
        let periods = Array(Set(problem.observations.map(\.period))).sorted()
        guard periods.count > windows else {
            throw WeightFitError(
                .notEnoughData, "rolling-origin validation over \(windows) windows needs more than \(windows) periods; there are \(periods.count)")
        }
        let cutoffs = periods.suffix(windows)
        return try grid.map { lambda throws(WeightFitError) in
            var squaredError = 0.0
            var count = 0
            for cutoff in cutoffs {
                let training = problem.observations.filter { $0.period < cutoff }
                let held = problem.observations.filter { $0.period == cutoff }
                let weights: [Double]
                do throws(WeightFitError) {
                    weights = try solve(training, problem: problem, box: box, lambda: lambda)
                } catch {
                    guard error.code == .singular else { throw error }
                    return WeightFit.Validation(lambda: lambda, meanSquaredError: nil)
                }
                squaredError += problem.objective(weights: weights, lambda: 0, over: held)
                count += held.count
            }
            return WeightFit.Validation(lambda: lambda, meanSquaredError: squaredError / Double(count))
        }
    }

    /// The minimiser over `rows` within `box`.
    private func solve(
        _ rows: [WeightFitObservation], problem: WeightFitProblem, box: [ClosedRange<Double>], lambda: Double
    ) throws(WeightFitError) -> [Double] {
        let order = problem.drivers.count
        var matrix = [Double](repeating: 0, count: order * order)
        var linear = [Double](repeating: 0, count: order)
        for row in rows {
            for index in 0..<order {
                linear[index] += row.drivers[index] * row.response
                for column in 0..<order { matrix[index * order + column] += row.drivers[index] * row.drivers[column] }
            }
        }
        for index in 0..<order {
            matrix[index * order + index] += lambda
            linear[index] += lambda * problem.currentWeights[index]
        }
        guard matrix.allSatisfy(\.isFinite), linear.allSatisfy(\.isFinite) else {
            throw WeightFitError(.notFinite, "the driver values are too large to fit")
        }
        let quadratic = BoxConstrainedQuadratic(matrix: matrix, linear: linear, order: order)
        guard let weights = quadratic.minimise(within: box) else {
            throw WeightFitError(
                .singular,
                "the drivers \(problem.drivers.map { "'\($0)'" }.joined(separator: ", ")) do not determine the weights with λ = \(lambda): some move together or never vary; use a ridge strength above zero"
            )
        }
        return weights
    }

    private static func check(lambda: Double) throws(WeightFitError) {
        guard lambda.isFinite else { throw WeightFitError(.notFinite, "the ridge strength \(lambda) is not a number") }
        guard lambda >= 0 else { throw WeightFitError(.invalidLambda, "the ridge strength \(lambda) is negative") }
    }
}
