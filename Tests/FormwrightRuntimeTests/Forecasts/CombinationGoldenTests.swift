import FormwrightRuntime
import Testing

/// Normalisation, lag, bounds, cap, the missing-value policies and the history without the
/// drivers' effect agree with the golden values.
@Suite struct CombinationGoldenTests {
    func drivers() throws -> [ForecastDriver] {
        try ForecastGolden.load().combination.drivers.map { driver in
            let normalization: DriverNormalization =
                switch driver.normalization {
                case "z_score": .zScore(window: driver.window)
                default: .percentOfMean(window: driver.window)
                }
            let bounds = driver.bounds.flatMap { $0.count == 2 ? $0[0]...$0[1] : nil }
            return ForecastDriver(
                name: driver.name, values: driver.values, weight: driver.weight, bounds: bounds, normalization: normalization, lag: driver.lag)
        }
    }

    @Test func normalisation() throws {
        let golden = try ForecastGolden.load().combination
        for driver in try drivers() {
            let expected = try #require(golden.normalised[driver.name])
            #expect(close(try driver.normalization.apply(driver.values), expected), "\(driver.name)")
        }
    }

    @Test func everyFormPolicyAndCap() throws {
        let golden = try ForecastGolden.load().combination
        let drivers = try drivers()
        #expect(golden.cases.count == 12)
        for item in golden.cases {
            let combination = ForecastCombination(
                form: try #require(ForecastCombination.Form(rawValue: item.form)), cap: item.cap,
                missing: try #require(MissingDriverPolicy(rawValue: item.missing)))
            let label = "\(item.form) \(item.missing) \(String(describing: item.cap))"
            let periods = golden.firstPeriod..<(golden.firstPeriod + golden.baseline.count)
            #expect(close(try combination.effects(drivers, periods: periods), item.effects), "\(label) effects")
            let combined = try combination.apply(to: PointForecast(points: golden.baseline), drivers: drivers, firstPeriod: golden.firstPeriod)
            #expect(close(combined.points, item.points), "\(label) points")
            let adjusted = try combination.adjusted(ForecastSeries(values: golden.history), drivers: drivers)
            #expect(close(adjusted.values, item.adjusted), "\(label) adjusted")
        }
    }
}
