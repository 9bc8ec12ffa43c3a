import FormwrightRuntime
import Foundation
import Testing

/// The fit against values computed independently by `examples/forecast-golden/fit.py`.
@Suite struct WeightFitGoldenTests {
    struct Fixture: Decodable {
        var cases: [Case]
    }

    struct Case: Decodable, CustomTestStringConvertible {
        struct Observation: Decodable {
            var period: Int
            var drivers: [Double]
            var actual: Double
            var baseline: Double
        }

        struct Constraint: Decodable {
            var lower: Double?
            var upper: Double?
            var sign: String
        }

        struct Score: Decodable {
            var lambda: Double
            var meanSquaredError: Double
        }

        struct Expected: Decodable {
            var weights: [Double]
            var objective: Double
            var lambda: Double
            var unconstrained: [Double]?
            var validation: [Score]?
        }

        var name: String
        var combine: String
        var drivers: [String]
        var current: [Double]
        var constraints: [Constraint]
        var observations: [Observation]
        var lambda: Double?
        var grid: [Double]?
        var windows: Int?
        var expected: Expected

        var testDescription: String { name }

        func problem(constrained: Bool) throws -> WeightFitProblem {
            let response: WeightFitResponse = combine == "log_linear" ? .logRatio : .difference
            let rows = observations.compactMap { row in
                response.value(actual: row.actual, baseline: row.baseline).map {
                    WeightFitObservation(period: row.period, drivers: row.drivers, response: $0)
                }
            }
            let limits = try constraints.map { constraint in
                WeightConstraint(
                    lower: constraint.lower ?? -.infinity, upper: constraint.upper ?? .infinity,
                    sign: try #require(WeightSign(rawValue: constraint.sign)))
            }
            return WeightFitProblem(drivers: drivers, currentWeights: current, constraints: constrained ? limits : nil, observations: rows)
        }

        var strength: RidgeStrength {
            if let lambda { return .fixed(lambda) }
            return .rollingOrigin(grid: grid ?? [], windows: windows ?? 0)
        }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fit-golden.json")
        guard let data = try? Data(contentsOf: url), let fixture = try? JSONDecoder().decode(Fixture.self, from: data) else { return [] }
        return fixture.cases
    }()

    static func expectClose(_ actual: Double, _ expected: Double, _ what: String) {
        #expect(abs(actual - expected) <= 1e-8 * max(1, abs(expected)), "\(what): \(actual) against \(expected)")
    }

    @Test func theFixtureHasEveryKindOfCase() {
        #expect(Self.cases.count == 12)
        #expect(Self.cases.contains { $0.expected.validation != nil })
        #expect(Self.cases.contains { $0.expected.unconstrained != nil && $0.expected.unconstrained == $0.expected.weights })
        #expect(Self.cases.contains { $0.expected.unconstrained != nil && $0.expected.unconstrained != $0.expected.weights })
    }

    @Test(arguments: cases) func matchesTheIndependentFit(_ golden: Case) throws {
        let fit = try WeightFitter().fit(try golden.problem(constrained: true), strength: golden.strength)
        #expect(fit.lambda == golden.expected.lambda)
        #expect(fit.weights.count == golden.expected.weights.count)
        for (index, (weight, expected)) in zip(fit.weights, golden.expected.weights).enumerated() {
            Self.expectClose(weight, expected, "weight \(index)")
        }
        Self.expectClose(fit.objective, golden.expected.objective, "objective")
        let scores = golden.expected.validation ?? []
        #expect(fit.validation.count == scores.count)
        for (score, expected) in zip(fit.validation, scores) {
            #expect(score.lambda == expected.lambda)
            Self.expectClose(score.meanSquaredError ?? .nan, expected.meanSquaredError, "validation at λ = \(expected.lambda)")
        }
    }

    @Test(arguments: cases.filter { $0.expected.unconstrained != nil })
    func theClosedFormMatchesNumpySolve(_ golden: Case) throws {
        let fit = try WeightFitter().fit(try golden.problem(constrained: false), strength: golden.strength)
        for (index, (weight, expected)) in zip(fit.weights, golden.expected.unconstrained ?? []).enumerated() {
            Self.expectClose(weight, expected, "weight \(index)")
        }
    }
}
