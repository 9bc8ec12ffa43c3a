import Foundation
import Testing

/// The golden values `examples/forecast-golden/golden.py` writes to `Fixtures/baselines.json`.
struct ForecastGolden: Decodable {
    struct Interval: Decodable {
        var points: [Double]
        var lower: [Double]?
        var upper: [Double]?
        var alpha: Double?
        var beta: Double?
        var gamma: Double?
        var fitted: [Double]?
    }

    struct Metrics: Decodable {
        var wape: Double?
        var mape: Double?
        var bias: Double?
        var mase: Double?
        var count: Int
    }

    struct BacktestCase: Decodable {
        var byHorizon: [Metrics]
        var overall: Metrics
    }

    struct SeriesCase: Decodable {
        var name: String
        var seasonLength: Int
        var values: [Double?]
        var baselines: [String: Interval]
        var backtests: [String: BacktestCase]?
    }

    struct Window: Decodable {
        var windows: Int
        var horizon: Int
    }

    struct Opportunity: Decodable {
        var period: Int
        var amount: Double
        var stage: String
    }

    struct Pipeline: Decodable {
        var probabilities: [String: Double]
        var opportunities: [Opportunity]
        var horizon: Int
        var points: [Double]
        var lower: [Double]
        var upper: [Double]
    }

    struct Driver: Decodable {
        var name: String
        var values: [Double?]
        var weight: Double
        var bounds: [Double]?
        var normalization: String
        var window: Int
        var lag: Int
    }

    struct CombinationCase: Decodable {
        var form: String
        var missing: String
        var cap: Double?
        var effects: [Double]
        var points: [Double]
        var adjusted: [Double?]
    }

    struct Combination: Decodable {
        var baseline: [Double]
        var history: [Double?]
        var firstPeriod: Int
        var drivers: [Driver]
        var normalised: [String: [Double?]]
        var cases: [CombinationCase]
    }

    struct MetricsCase: Decodable {
        var forecast: [Double]
        var actual: [Double]
        var scale: [Double?]
        var wape: Double?
        var mape: Double?
        var bias: Double?
        var mase: Double?
        var count: Int
    }

    var z: Double
    var horizon: Int
    var movingWindow: Int
    var backtest: Window
    var series: [SeriesCase]
    var pipeline: Pipeline
    var combination: Combination
    var metrics: [MetricsCase]

    /// The fixture, read once.
    static let shared: Result<ForecastGolden, any Error> = Result {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/baselines.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ForecastGolden.self, from: Data(contentsOf: file))
    }

    static func load() throws -> ForecastGolden { try shared.get() }
}

/// Whether two numbers agree to 1e-9 relative (with a 1e-12 floor for values near zero).
func close(_ actual: Double, _ expected: Double) -> Bool {
    abs(actual - expected) <= 1e-9 * max(abs(actual), abs(expected)) + 1e-12
}

/// Whether two lists agree element by element, both missing counting as agreement.
func close(_ actual: [Double]?, _ expected: [Double]?) -> Bool {
    guard let actual, let expected else { return actual == nil && expected == nil }
    return actual.count == expected.count && zip(actual, expected).allSatisfy { close($0, $1) }
}

/// Whether two optional numbers agree, both missing counting as agreement.
func close(_ actual: Double?, _ expected: Double?) -> Bool {
    guard let actual, let expected else { return actual == nil && expected == nil }
    return close(actual, expected)
}

/// Whether two lists of optional numbers agree position by position.
func close(_ actual: [Double?], _ expected: [Double?]) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { close($0, $1) }
}

/// Whether two lists agree element by element.
func close(_ actual: [Double], _ expected: [Double]) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { close($0, $1) }
}
