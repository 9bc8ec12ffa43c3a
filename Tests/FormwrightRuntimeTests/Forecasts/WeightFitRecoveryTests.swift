import FormwrightRuntime
import Foundation
import Testing

/// The fit finds known weights in synthetic data, and keeps to bounds and signs when the truth lies outside them.
@Suite struct WeightFitRecoveryTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A standard normal draw (Box–Muller).
    static func normal(_ generator: inout SplitMix) -> Double {
        let first = Double.random(in: Double.ulpOfOne..<1, using: &generator)
        let second = Double.random(in: 0..<1, using: &generator)
        return (-2 * log(first)).squareRoot() * cos(2 * .pi * second)
    }

    /// 20 groups × 52 weeks of log ratios made by `truth` plus noise of standard deviation 0.05.
    static func observations(truth: [Double], seed: UInt64) -> [WeightFitObservation] {
        var generator = SplitMix(state: seed)
        var rows: [WeightFitObservation] = []
        for week in 0..<52 {
            for _ in 0..<20 {
                let drivers = truth.map { _ in normal(&generator) }
                let baseline = Double.random(in: 50..<150, using: &generator)
                let effect = zip(drivers, truth).reduce(0) { $0 + $1.0 * $1.1 } + 0.05 * normal(&generator)
                let actual = baseline * exp(effect)
                if let response = WeightFitResponse.logRatio.value(actual: actual, baseline: baseline) {
                    rows.append(WeightFitObservation(period: week, drivers: drivers, response: response))
                }
            }
        }
        return rows
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func recoversTheTrueWeightsWithinOneHundredth(seed: UInt64) throws {
        let truth = [0.30, -0.20, 0.10, 0.05]
        let problem = WeightFitProblem(
            drivers: ["subsidy", "ads", "competitor", "weather"], currentWeights: [0, 0, 0, 0],
            observations: Self.observations(truth: truth, seed: seed))
        let fit = try WeightFitter().fit(problem)
        #expect(fit.validation.count == 4)
        for (weight, expected) in zip(fit.weights, truth) {
            #expect(abs(weight - expected) <= 0.01, "\(weight) against \(expected)")
        }
    }

    @Test func keepsToBoundsAndSignsWhenTheTruthLiesOutside() throws {
        let truth = [0.50, -0.30, 0.10]
        let problem = WeightFitProblem(
            drivers: ["subsidy", "ads", "competitor"], currentWeights: [0.10, 0.10, 0.10],
            constraints: [WeightConstraint(lower: 0, upper: 0.3), WeightConstraint(sign: .positive), WeightConstraint(lower: -1, upper: 1)],
            observations: Self.observations(truth: truth, seed: 7))
        let fit = try WeightFitter().fit(problem, strength: .fixed(1))
        #expect(fit.weights[0] == 0.3)
        #expect(fit.weights[1] == 0)
        // The effects the bounds cut off become noise for the free weight (standard error ≈ 0.011), so ±0.05.
        #expect(abs(fit.weights[2] - 0.10) <= 0.05, "\(fit.weights[2])")
        let unconstrained = try WeightFitter().fit(
            WeightFitProblem(drivers: problem.drivers, currentWeights: problem.currentWeights, observations: problem.observations),
            strength: .fixed(1))
        #expect(unconstrained.objective < fit.objective)
        #expect(fit.objective == problem.objective(weights: fit.weights, lambda: 1))
    }

    @Test func aStrongRidgeKeepsTheCurrentWeights() throws {
        let problem = WeightFitProblem(
            drivers: ["subsidy", "ads"], currentWeights: [0.10, 0.15], observations: Self.observations(truth: [0.3, -0.2], seed: 11))
        let fit = try WeightFitter().fit(problem, strength: .fixed(1e9))
        #expect(abs(fit.weights[0] - 0.10) <= 1e-3)
        #expect(abs(fit.weights[1] - 0.15) <= 1e-3)
    }
}
