import FormwrightRuntime
import Foundation
import Testing

/// What the fit prints, and how observations become responses.
@Suite struct WeightFitOutputTests {
    @Test func printsTheChangeToTheDrivers() throws {
        let rows = (0..<6).map { period in
            WeightFitObservation(period: period, drivers: [Double(period % 3) - 1, Double(period % 2)], response: 0.12 * (Double(period % 3) - 1))
        }
        let problem = WeightFitProblem(drivers: ["subsidy", "competitor"], currentWeights: [0.10, 0.0001], observations: rows)
        let fit = try WeightFitter().fit(problem, strength: .fixed(0))
        #expect(abs(fit.weights[0] - 0.12) < 1e-12)
        #expect(abs(fit.weights[1]) < 1e-12)
        #expect(
            fit.yamlChange(forecast: "weekly_revenue") == """
                --- forecasts.weekly_revenue (current)
                +++ forecasts.weekly_revenue (suggested, λ = 0)
                 drivers:
                -  subsidy: { weight: 0.100 }
                +  subsidy: { weight: 0.120 }
                   competitor: { weight: 0.000 }

                """)
    }

    @Test func printsNegativeWeightsAndTheChosenRidge() {
        let fit = WeightFit(
            drivers: ["ads", "price"], currentWeights: [-0.25, 0.3], weights: [-0.2504, -0.00004], lambda: 10, objective: 1, validation: [])
        #expect(
            fit.yamlChange(forecast: "f") == """
                --- forecasts.f (current)
                +++ forecasts.f (suggested, λ = 10)
                 drivers:
                   ads: { weight: -0.250 }
                -  price: { weight: 0.300 }
                +  price: { weight: 0.000 }

                """)
    }

    @Test func responsesFollowTheCombination() {
        #expect(WeightFitResponse.logRatio.value(actual: 110, baseline: 100) == log(1.1))
        #expect(WeightFitResponse.logRatio.value(actual: 0, baseline: 100) == nil)
        #expect(WeightFitResponse.logRatio.value(actual: 10, baseline: -1) == nil)
        #expect(WeightFitResponse.logRatio.value(actual: .nan, baseline: 1) == nil)
        #expect(WeightFitResponse.difference.value(actual: 0.25, baseline: 0.5) == -0.25)
        #expect(WeightFitResponse.difference.value(actual: -3, baseline: 2) == -5)
        #expect(WeightFitResponse.difference.value(actual: .infinity, baseline: 2) == nil)
    }
}
