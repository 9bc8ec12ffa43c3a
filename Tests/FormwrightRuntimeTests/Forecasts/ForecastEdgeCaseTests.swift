import FormwrightRuntime
import Foundation
import Testing

/// Empty, short, zero and extreme inputs give a clear error or finite numbers, never NaN.
@Suite struct ForecastEdgeCaseTests {
    static let baselines: [Baseline] = [
        .naive, .seasonalNaive(seasonLength: 4), .movingAverage(window: 3), .holtWinters(HoltWinters(seasonLength: 4)),
        .holtWinters(HoltWinters(seasonLength: 4, smoothing: .init(alpha: 0.5, beta: 0.5, gamma: 0.5))),
    ]

    @Test(arguments: baselines) func emptyOrUnknownHistoryIsRefused(baseline: Baseline) {
        for values in [[], [nil, nil]] as [[Double?]] {
            #expect(throws: ForecastError(.historyTooShort, "the history has no known value")) {
                try baseline.forecast(ForecastSeries(values: values), horizon: 2)
            }
        }
    }

    @Test(arguments: baselines) func oneValueGivesItWithoutInterval(baseline: Baseline) throws {
        let forecast = try baseline.forecast(ForecastSeries(values: [nil, 7]), horizon: 3)
        #expect(forecast.points == [7, 7, 7])
        #expect(forecast.lower == nil)
        #expect(forecast.upper == nil)
    }

    @Test(arguments: baselines) func allZeroHistoryGivesZeros(baseline: Baseline) throws {
        let forecast = try baseline.forecast(ForecastSeries(values: Array(repeating: 0, count: 12)), horizon: 5)
        #expect(forecast.points == Array(repeating: 0, count: 5))
        #expect(forecast.lower == Array(repeating: 0, count: 5))
    }

    @Test func badParametersAreRefused() {
        let series = ForecastSeries(values: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(throws: ForecastError(.invalidParameter, "horizon 0 must be in 1…10000")) { try Baseline.naive.forecast(series, horizon: 0) }
        #expect(throws: ForecastError(.invalidParameter, "horizon \(Int.max) must be in 1…10000")) {
            try Baseline.naive.forecast(series, horizon: .max)
        }
        #expect(throws: ForecastError(.invalidParameter, "season length \(Int.max) must be in 1…10000")) {
            try Baseline.holtWinters(HoltWinters(seasonLength: .max)).forecast(series, horizon: 1)
        }
        let tooMany = "a backtest of \(Int.max) windows at horizon 1 needs more than \(Int.max) periods, the series has 9"
        #expect(throws: ForecastError(.historyTooShort, tooMany)) {
            try Backtest(windows: .max, horizon: 1, seasonLength: 1).run(series, baseline: .naive)
        }
        #expect(throws: ForecastError(.invalidParameter, "first period \(Int.max) must be in 0…\(Int.max - 1)")) {
            try ForecastCombination(form: .additive).apply(to: PointForecast(points: [1]), drivers: [], firstPeriod: .max)
        }
        #expect(throws: ForecastError(.invalidParameter, "season length 0 must be at least 1")) {
            try Baseline.seasonalNaive(seasonLength: 0).forecast(series, horizon: 1)
        }
        #expect(throws: ForecastError(.invalidParameter, "moving average window -2 must be at least 1")) {
            try Baseline.movingAverage(window: -2).forecast(series, horizon: 1)
        }
        #expect(throws: ForecastError(.invalidParameter, "Holt-Winters beta 1.5 must be in [0, 1]")) {
            try Baseline.holtWinters(HoltWinters(seasonLength: 2, smoothing: .init(alpha: 0.5, beta: 1.5, gamma: 0.5))).forecast(series, horizon: 1)
        }
        #expect(throws: ForecastError(.invalidParameter, "interval quantile nan must be a finite number ≥ 0")) {
            try Baseline.naive.forecast(series, horizon: 1, z: .nan)
        }
    }

    @Test func valuesThatAreNotFiniteAreRefused() {
        #expect(throws: ForecastError(.notFinite, "value nan of period 1 is not a finite number")) {
            try Baseline.naive.forecast(ForecastSeries(values: [1, .nan, 3]), horizon: 1)
        }
        #expect(throws: ForecastError(.notFinite, "the baseline forecast is not a finite number; the values are too large")) {
            try Baseline.naive.forecast(ForecastSeries(values: [-1e308, 1e308]), horizon: 1)
        }
        #expect(throws: ForecastError(.notFinite, "the combined forecast is not a finite number; the values are too large")) {
            try ForecastCombination(form: .logLinear).apply(
                to: PointForecast(points: [1]), drivers: [ForecastDriver(name: "ads", values: [1000], weight: 1)], firstPeriod: 0)
        }
    }

    @Test func capHoldsALargeEffect() throws {
        let combined = try ForecastCombination(form: .logLinear, cap: 0.2).apply(
            to: PointForecast(points: [100, 100], lower: [90, 90], upper: [110, 110]),
            drivers: [ForecastDriver(name: "ads", values: [nil, 1000, -1000], weight: 1)], firstPeriod: 1)
        #expect(close(combined.points, [100 * exp(0.2), 100 * exp(-0.2)]))
        #expect(close(combined.lower, [90 * exp(0.2), 90 * exp(-0.2)]))
        #expect(close(combined.upper, [110 * exp(0.2), 110 * exp(-0.2)]))
    }

    @Test func driverWithoutValuesHasNoEffect() throws {
        for policy in MissingDriverPolicy.allCases {
            let effects = try ForecastCombination(form: .additive, missing: policy).effects(
                [ForecastDriver(name: "ads", values: [], weight: 2, normalization: .zScore(window: 3), lag: 2)], periods: 0..<4)
            #expect(effects == [0, 0, 0, 0])
        }
    }

    @Test func badDriverParametersAreRefused() {
        let combination = ForecastCombination(form: .additive)
        #expect(throws: ForecastError(.invalidParameter, "lag -1 of driver 'ads' must be at least 0")) {
            try combination.effects([ForecastDriver(name: "ads", values: [1], weight: 1, lag: -1)], periods: 0..<1)
        }
        #expect(throws: ForecastError(.invalidParameter, "z-score window 1 must be at least 2")) {
            try combination.effects([ForecastDriver(name: "ads", values: [1], weight: 1, normalization: .zScore(window: 1))], periods: 0..<1)
        }
        #expect(throws: ForecastError(.invalidParameter, "cap -0.1 must be at least 0")) {
            try ForecastCombination(form: .additive, cap: -0.1).effects([], periods: 0..<1)
        }
    }

    @Test func constantAndZeroDriversNormaliseToFiniteValues() throws {
        #expect(try DriverNormalization.zScore(window: 3).apply([2, 2, 2, 2, 5]) == [nil, nil, nil, 0, 0])
        #expect(try DriverNormalization.percentOfMean(window: 2).apply([0, 0, 4, 1]) == [nil, nil, nil, 1 / 2 - 1])
    }

    @Test func allZeroActualsLeaveRatiosUndefined() {
        let metrics = ForecastMetrics([.init(forecast: 3, actual: 0, scale: 0), .init(forecast: 0, actual: 0, scale: nil)])
        #expect(metrics == ForecastMetrics(wape: nil, mape: nil, bias: nil, mase: nil, count: 2))
        #expect(ForecastMetrics([]) == ForecastMetrics(wape: nil, mape: nil, bias: nil, mase: nil, count: 0))
    }

    @Test func backtestOfAllZeroSeriesIsFiniteOrNil() throws {
        let result = try Backtest(windows: 3, horizon: 2, seasonLength: 4).run(
            ForecastSeries(values: Array(repeating: 0, count: 10)), baseline: .seasonalNaive(seasonLength: 4))
        for metrics in result.byHorizon + [result.overall] {
            #expect(metrics.wape == nil && metrics.mape == nil && metrics.bias == nil && metrics.mase == nil)
        }
        #expect(result.overall.count == 6)
    }

    @Test func backtestUsesOnlyTheHistoryBeforeEachCutoff() throws {
        let series = ForecastSeries(values: [1, 2, 3, 4, 5, 6, 7, nil])
        let backtest = Backtest(windows: 3, horizon: 2, seasonLength: 1)
        #expect(try backtest.cutoffs(count: series.count) == [4, 5, 6])
        var seen: [Int] = []
        let result = try backtest.run(series) { history in
            seen.append(history.count)
            return [Double(history.count), Double(history.count)]
        }
        #expect(seen == [4, 5, 6])
        // Forecasts 4, 5, 6 against actuals 5, 6, 7 at horizon 1; 4, 5 against 6, 7 at horizon 2 (the last actual is missing).
        #expect(result.byHorizon.map(\.count) == [3, 2])
        #expect(result.byHorizon[0].bias.map { close($0, -3.0 / 18) } == true)
        #expect(result.byHorizon[1].wape.map { close($0, 4.0 / 13) } == true)
        #expect(result.overall.mase.map { close($0, 7.0 / 5) } == true)
    }

    @Test func backtestRefusesAShortForecaster() {
        #expect(throws: ForecastError(.invalidParameter, "the forecaster gave 1 points, the horizon is 2")) {
            try Backtest(windows: 1, horizon: 2, seasonLength: 1).run(ForecastSeries(values: [1, 2, 3])) { _ in [1] }
        }
    }

    @Test func pipelineRefusesABadProbability() {
        #expect(throws: ForecastError(.invalidParameter, "probability 1.2 of stage 'won' must be in [0, 1]")) {
            try WeightedPipeline(probabilities: ["won": 1.2]).forecast([], horizon: 1)
        }
        #expect(throws: ForecastError(.notFinite, "opportunity amount inf is not a finite number")) {
            try WeightedPipeline(probabilities: [:]).forecast([.init(period: 1, amount: .infinity, stage: "won")], horizon: 1)
        }
    }
}
