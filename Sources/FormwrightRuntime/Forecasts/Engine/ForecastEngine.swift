import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions
import Foundation

/// Turns what the store holds (``ForecastData``) into a ``ForecastReport``: per group the actuals,
/// the plain baseline, the drivers' effect, the interval band, the scenarios' deltas, the
/// rolling-origin backtests of the model, the plain baselines and the plan, and a credibility colour.
struct ForecastEngine: Sendable {
    let app: AppDefinition
    let forecast: ForecastDefinition
    let timeline: ForecastTimeline
    /// The weights to use, by driver; the YAML's when not given (``suggestWeights`` tries others).
    var weights: [String: Double] = [:]

    init(app: AppDefinition, forecast: ForecastDefinition, timeline: ForecastTimeline) {
        self.app = app
        self.forecast = forecast
        self.timeline = timeline
        weights = Dictionary(forecast.drivers.map { ($0.name.value, $0.weight.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The most periods of history a forecast reads (the latest ones): over twenty-seven years of days.
    static let maximumHistory = 10_000

    var horizon: Int { forecast.horizon.value }
    var season: Int { forecast.baseline.season }

    /// The span of history: from the first period with target data to the origin, the last
    /// period with data that has ended by `now`.
    func span(_ data: ForecastData, nowOrdinal: Int) throws -> ClosedRange<Int> {
        let ordinals = data.target.values.flatMap(\.keys).filter { $0 < nowOrdinal }
        guard let first = ordinals.min(), let origin = ordinals.max() else {
            throw RuntimeError(
                .badRequest,
                "forecast '\(forecast.name.value)' has no data yet: table '\(forecast.target.table.value)' holds no record "
                    + "dated before the current \(forecast.period.value.rawValue) that it counts")
        }
        return max(first, origin - Self.maximumHistory + 1)...origin
    }

    /// A group's target series over the span: a sum or count is 0 in a period without records; a ratio is empty there.
    func series(_ key: ForecastData.Key, _ data: ForecastData, span: ClosedRange<Int>) -> ForecastSeries {
        let cells = data.target[key] ?? [:]
        return ForecastSeries(
            group: key.map { $0 ?? "" },
            values: span.map { ordinal in
                guard let cell = cells[ordinal] else {
                    if case .ratio = forecast.target.measure { return nil }
                    return 0
                }
                guard let denominator = cell.denominator else { return cell.numerator }
                return denominator != 0 ? cell.numerator / denominator : nil
            })
    }

    /// The drivers of a group, their raw values aligned with the span and the horizon after it.
    func drivers(_ key: ForecastData.Key, _ data: ForecastData, span: ClosedRange<Int>) -> [ForecastDriver] {
        let by = forecast.target.groupBy.map(\.value)
        let periods = span.lowerBound...(span.upperBound + horizon)
        return forecast.drivers.map { driver in
            let positions = driver.groupBy.compactMap { name in by.firstIndex(of: name.value) }
            let values = data.drivers[driver.name.value]?[positions.map { key[$0] }] ?? [:]
            let allowed = driver.allowedWeights
            let bounded = allowed.lowerBound.isFinite || allowed.upperBound.isFinite
            return ForecastDriver(
                name: driver.name.value, values: periods.map { values[$0] }, weight: weights[driver.name.value] ?? driver.weight.value,
                bounds: bounded ? allowed : nil, normalization: Self.normalization(driver.normalisation), lag: driver.lag,
                missing: Self.policy(driver.missing))
        }
    }

    static func normalization(_ normalisation: ForecastNormalisation) -> DriverNormalization {
        switch normalisation.method {
        case .zscore: .zScore(window: normalisation.window)
        case .percent: .percentOfMean(window: normalisation.window)
        }
    }

    static func policy(_ missing: FormwrightDefinition.ForecastDriver.MissingValue) -> MissingDriverPolicy {
        switch missing {
        case .zero: .zero
        case .last: .last
        case .skip: .skip
        }
    }

    var combination: ForecastCombination {
        ForecastCombination(form: forecast.combine.value == .additive ? .additive : .logLinear, cap: forecast.cap?.value)
    }

    /// The plain baselines compared in the dual track, the configured one among them (Holt-Winters
    /// fitted once, on `fitting`).
    func plainBaselines(fitting: [Double]) -> [(name: String, baseline: Baseline)] {
        var list: [(String, Baseline)] = [
            ("naive", .naive), ("seasonal_naive", .seasonalNaive(seasonLength: season)),
            ("moving_average", .movingAverage(window: forecast.baseline.window)),
        ]
        if forecast.baseline.method.value == .holtWinters, let fitted = baseline(fitting: fitting) { list.append(("holt_winters", fitted)) }
        return list
    }

    /// The configured baseline for a history, Holt-Winters smoothing fitted on `fitting` when the YAML gives none.
    func baseline(fitting history: [Double]) -> Baseline? {
        let settings = forecast.baseline
        switch settings.method.value {
        case .naive: return .naive
        case .seasonalNaive: return .seasonalNaive(seasonLength: season)
        case .movingAverage: return .movingAverage(window: settings.window)
        case .weightedPipeline: return nil
        case .holtWinters:
            let model = HoltWinters(seasonLength: season)
            if let alpha = settings.alpha, let beta = settings.beta, let gamma = settings.gamma {
                return .holtWinters(HoltWinters(seasonLength: season, smoothing: .init(alpha: alpha, beta: beta, gamma: gamma)))
            }
            // Too short a history to fit: the model falls back to the seasonal naive forecast itself.
            return .holtWinters(HoltWinters(seasonLength: season, smoothing: try? model.fitted(history)))
        }
    }
}
