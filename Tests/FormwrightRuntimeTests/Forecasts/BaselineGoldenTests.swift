import FormwrightRuntime
import Testing

/// Every baseline and backtest agrees with the independent script's golden values.
@Suite struct BaselineGoldenTests {
    static let names = ["trend_season", "short", "zeros"]

    func golden(_ name: String) throws -> (ForecastGolden, ForecastGolden.SeriesCase) {
        let golden = try ForecastGolden.load()
        return (golden, try #require(golden.series.first { $0.name == name }))
    }

    func expectMatches(_ forecast: PointForecast, _ expected: ForecastGolden.Interval?, _ label: String) throws {
        let expected = try #require(expected, "no golden values for \(label)")
        #expect(close(forecast.points, expected.points), "\(label) points \(forecast.points) ≠ \(expected.points)")
        #expect(close(forecast.lower, expected.lower), "\(label) lower")
        #expect(close(forecast.upper, expected.upper), "\(label) upper")
    }

    @Test(arguments: names) func naiveSeasonalNaiveAndMovingAverage(name: String) throws {
        let (golden, series) = try golden(name)
        let input = ForecastSeries(values: series.values)
        try expectMatches(Baseline.naive.forecast(input, horizon: golden.horizon), series.baselines["naive"], "\(name) naive")
        try expectMatches(
            Baseline.seasonalNaive(seasonLength: series.seasonLength).forecast(input, horizon: golden.horizon),
            series.baselines["seasonal_naive"], "\(name) seasonal naive")
        try expectMatches(
            Baseline.movingAverage(window: golden.movingWindow).forecast(input, horizon: golden.horizon),
            series.baselines["moving_average"], "\(name) moving average")
    }

    @Test(arguments: names) func holtWintersWithGivenWeights(name: String) throws {
        let (golden, series) = try golden(name)
        let expected = try #require(series.baselines["holt_winters_fixed"])
        let smoothing = HoltWinters.Smoothing(
            alpha: try #require(expected.alpha), beta: try #require(expected.beta), gamma: try #require(expected.gamma))
        let model = HoltWinters(seasonLength: series.seasonLength, smoothing: smoothing)
        try expectMatches(
            Baseline.holtWinters(model).forecast(ForecastSeries(values: series.values), horizon: golden.horizon), expected,
            "\(name) Holt-Winters")
    }

    @Test(arguments: names) func holtWintersWithFittedWeights(name: String) throws {
        let (golden, series) = try golden(name)
        let expected = try #require(series.baselines["holt_winters_fitted"])
        let input = ForecastSeries(values: series.values)
        let model = HoltWinters(seasonLength: series.seasonLength)
        try expectMatches(Baseline.holtWinters(model).forecast(input, horizon: golden.horizon), expected, "\(name) fitted Holt-Winters")
        if let weights = expected.fitted {
            let fitted = try model.fitted(input.filled())
            #expect([fitted.alpha, fitted.beta, fitted.gamma] == weights)
        } else {
            #expect(throws: ForecastError.self) { try model.fitted(input.filled()) }
        }
    }

    @Test(arguments: names) func backtests(name: String) throws {
        let (golden, series) = try golden(name)
        let backtest = Backtest(windows: golden.backtest.windows, horizon: golden.backtest.horizon, seasonLength: series.seasonLength)
        let input = ForecastSeries(values: series.values)
        guard let expected = series.backtests else {
            #expect(throws: ForecastError(.historyTooShort, "a backtest of 4 windows at horizon 3 needs 7 periods, the series has 3")) {
                try backtest.run(input, baseline: .naive)
            }
            return
        }
        let baselines: [String: Baseline] = [
            "seasonal_naive": .seasonalNaive(seasonLength: series.seasonLength), "moving_average": .movingAverage(window: golden.movingWindow),
        ]
        #expect(Set(expected.keys) == Set(baselines.keys))
        for (key, baseline) in baselines {
            let result = try backtest.run(input, baseline: baseline)
            let want = try #require(expected[key])
            #expect(result.byHorizon.count == want.byHorizon.count)
            for (metrics, wanted) in zip(result.byHorizon + [result.overall], want.byHorizon + [want.overall]) {
                expectMetrics(metrics, wanted, "\(name) \(key)")
            }
        }
    }

    func expectMetrics(_ metrics: ForecastMetrics, _ expected: ForecastGolden.Metrics, _ label: String) {
        #expect(close(metrics.wape, expected.wape), "\(label) WAPE \(String(describing: metrics.wape))")
        #expect(close(metrics.mape, expected.mape), "\(label) MAPE \(String(describing: metrics.mape))")
        #expect(close(metrics.bias, expected.bias), "\(label) bias \(String(describing: metrics.bias))")
        #expect(close(metrics.mase, expected.mase), "\(label) MASE \(String(describing: metrics.mase))")
        #expect(metrics.count == expected.count, "\(label) count")
    }

    @Test func metricsOfGivenPairs() throws {
        for golden in try ForecastGolden.load().metrics {
            let pairs = zip(zip(golden.forecast, golden.actual), golden.scale).map {
                ForecastMetrics.Pair(forecast: $0.0, actual: $0.1, scale: $1)
            }
            expectMetrics(
                ForecastMetrics(pairs),
                ForecastGolden.Metrics(wape: golden.wape, mape: golden.mape, bias: golden.bias, mase: golden.mase, count: golden.count),
                "pairs")
        }
    }

    @Test func weightedPipeline() throws {
        let golden = try ForecastGolden.load().pipeline
        let pipeline = WeightedPipeline(probabilities: golden.probabilities)
        let forecast = try pipeline.forecast(
            golden.opportunities.map { WeightedPipeline.Opportunity(period: $0.period, amount: $0.amount, stage: $0.stage) },
            horizon: golden.horizon)
        #expect(close(forecast.points, golden.points))
        #expect(close(forecast.lower, golden.lower))
        #expect(close(forecast.upper, golden.upper))
    }
}
