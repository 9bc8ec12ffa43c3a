import FormwrightRuntime
import Testing

/// Bad input to the fit: each is refused with its code and a message naming the cause.
@Suite struct WeightFitErrorTests {
    static let rows = [
        WeightFitObservation(period: 0, drivers: [1, 2], response: 0.5),
        WeightFitObservation(period: 1, drivers: [2, 4], response: 1.0),
        WeightFitObservation(period: 2, drivers: [-1, -2], response: -0.4),
    ]

    static func failure(_ problem: WeightFitProblem, _ strength: RidgeStrength = .fixed(1)) -> WeightFitError? {
        do {
            _ = try WeightFitter().fit(problem, strength: strength)
            return nil
        } catch {
            return error
        }
    }

    @Test func driversThatMoveTogetherWithoutARidgeAreSingular() throws {
        let problem = WeightFitProblem(drivers: ["a", "b"], currentWeights: [0, 0], observations: Self.rows)
        let error = try #require(Self.failure(problem, .fixed(0)))
        #expect(error.code == .singular)
        #expect(
            error.message
                == "the drivers 'a', 'b' do not determine the weights with λ = 0.0: some move together or never vary; use a ridge strength above zero"
        )
        #expect(Self.failure(problem, .fixed(0.01)) == nil)
    }

    @Test func aConstrainedSingularProblemIsRefusedToo() throws {
        let problem = WeightFitProblem(
            drivers: ["a", "b"], currentWeights: [0, 0], constraints: [WeightConstraint(sign: .positive), .unconstrained],
            observations: Self.rows)
        #expect(Self.failure(problem, .fixed(0))?.code == .singular)
    }

    @Test func sizesMustAgree() {
        let shortRow = WeightFitProblem(
            drivers: ["a", "b"], currentWeights: [0, 0], observations: Self.rows + [WeightFitObservation(period: 3, drivers: [1], response: 0)])
        #expect(Self.failure(shortRow) == WeightFitError(.dimensionMismatch, "an observation in period 3 has 1 driver values for 2 drivers"))
        let shortWeights = WeightFitProblem(drivers: ["a", "b"], currentWeights: [0], observations: Self.rows)
        #expect(Self.failure(shortWeights) == WeightFitError(.dimensionMismatch, "1 current weights for 2 drivers"))
        let shortConstraints = WeightFitProblem(drivers: ["a", "b"], currentWeights: [0, 0], constraints: [.unconstrained], observations: Self.rows)
        #expect(Self.failure(shortConstraints) == WeightFitError(.dimensionMismatch, "1 constraints for 2 drivers"))
    }

    @Test func numbersMustBeFinite() {
        let nanRow = WeightFitProblem(
            drivers: ["a", "b"], currentWeights: [0, 0], observations: Self.rows + [WeightFitObservation(period: 4, drivers: [1, .nan], response: 0)])
        #expect(Self.failure(nanRow) == WeightFitError(.notFinite, "an observation in period 4 has a value that is not a number"))
        let infiniteWeight = WeightFitProblem(drivers: ["a", "b"], currentWeights: [0, .infinity], observations: Self.rows)
        #expect(Self.failure(infiniteWeight) == WeightFitError(.notFinite, "the current weight of driver 'b' is not a number"))
        let huge = WeightFitProblem(
            drivers: ["a"], currentWeights: [0], observations: [WeightFitObservation(period: 0, drivers: [1e200], response: 1e200)])
        #expect(Self.failure(huge) == WeightFitError(.notFinite, "the driver values are too large to fit"))
        let plain = WeightFitProblem(drivers: ["a", "b"], currentWeights: [0, 0], observations: Self.rows)
        #expect(Self.failure(plain, .fixed(.nan)) == WeightFitError(.notFinite, "the ridge strength nan is not a number"))
    }

    @Test func aConstraintThatAllowsNothingIsRefused() {
        let reversed = WeightFitProblem(
            drivers: ["a", "b"], currentWeights: [0, 0], constraints: [.unconstrained, WeightConstraint(lower: 0.4, upper: 0.1)],
            observations: Self.rows)
        #expect(Self.failure(reversed) == WeightFitError(.emptyConstraint, "driver 'b' allows no weight: bounds [0.4, 0.1] with sign 'any'"))
        let wrongSign = WeightFitProblem(
            drivers: ["a", "b"], currentWeights: [0, 0], constraints: [WeightConstraint(lower: 0.1, upper: 0.4, sign: .negative), .unconstrained],
            observations: Self.rows)
        #expect(Self.failure(wrongSign) == WeightFitError(.emptyConstraint, "driver 'a' allows no weight: bounds [0.1, 0.4] with sign 'negative'"))
    }

    @Test func ridgeStrengthsMustBeUsable() {
        let problem = WeightFitProblem(drivers: ["a", "b"], currentWeights: [0, 0], observations: Self.rows)
        #expect(Self.failure(problem, .fixed(-1)) == WeightFitError(.invalidLambda, "the ridge strength -1.0 is negative"))
        #expect(Self.failure(problem, .rollingOrigin(grid: [], windows: 1)) == WeightFitError(.invalidLambda, "the grid of ridge strengths is empty"))
        #expect(
            Self.failure(problem, .rollingOrigin(grid: [1], windows: 3))
                == WeightFitError(.notEnoughData, "rolling-origin validation over 3 windows needs more than 3 periods; there are 3"))
        #expect(
            Self.failure(problem, .rollingOrigin(grid: [0], windows: 2))
                == WeightFitError(.singular, "no ridge strength in the grid gives a single solution on every validation fold"))
        #expect(Self.failure(problem, .rollingOrigin(grid: [0, 1], windows: 2)) == nil)
    }

    @Test func somethingToFitIsNeeded() {
        #expect(
            Self.failure(WeightFitProblem(drivers: [], currentWeights: [], observations: Self.rows))
                == WeightFitError(.notEnoughData, "the forecast has no driver to fit"))
        #expect(
            Self.failure(WeightFitProblem(drivers: ["a"], currentWeights: [0], observations: []))
                == WeightFitError(.notEnoughData, "no observation to fit the weights on"))
    }
}
