import Foundation

/// How drivers' effects combine with a baseline.
///
/// The total effect of period `t` is `Eₜ = Σ wᵢ · xᵢₜ` over the drivers (weights held to their
/// bounds, values prepared by ``ForecastDriver/prepared()``, missing values handled by the
/// ``MissingDriverPolicy``), then held to `[−cap, cap]` when a cap is given.
public struct ForecastCombination: Sendable, Hashable {
    /// The form of the combination.
    public enum Form: String, Sendable, Hashable, CaseIterable {
        /// `forecast = baseline × exp(E)`: `E` is a change in log space, for revenue and volumes.
        case logLinear = "log_linear"
        /// `forecast = baseline + E`: for rates.
        case additive
    }

    /// The form of the combination.
    public var form: Form
    /// The largest total effect in either direction (log space for `logLinear`), if any.
    public var cap: Double?
    /// What a missing driver value does, for drivers that do not say.
    public var missing: MissingDriverPolicy

    /// Creates a combination.
    public init(form: Form, cap: Double? = nil, missing: MissingDriverPolicy = .zero) {
        self.form = form
        self.cap = cap
        self.missing = missing
    }

    /// The total effect `Eₜ` for each period in `periods`, capped.
    ///
    /// - Throws: ``ForecastError`` for a negative cap or a bad driver.
    public func effects(_ drivers: [ForecastDriver], periods: Range<Int>) throws -> [Double] {
        if let cap { guard cap >= 0, !cap.isNaN else { throw ForecastError(.invalidParameter, "cap \(cap) must be at least 0") } }
        guard periods.lowerBound >= 0 else { throw ForecastError(.invalidParameter, "period \(periods.lowerBound) must be at least 0") }
        let policies = drivers.map { $0.missing ?? missing }
        let prepared = try zip(drivers, policies).map { driver, policy in
            let values = try driver.prepared()
            return policy == .last ? Self.carriedForward(values) : values
        }
        return periods.map { t in
            var total = 0.0
            for ((driver, values), policy) in zip(zip(drivers, prepared), policies) {
                let value: Double?
                switch policy {
                case .zero: value = t < values.count ? values[t] : nil
                case .skip:
                    guard let known = t < values.count ? values[t] : nil else { return 0 }
                    value = known
                case .last: value = values.isEmpty ? nil : values[min(t, values.count - 1)]
                }
                total += driver.effectiveWeight * (value ?? 0)
            }
            guard let cap else { return total }
            return min(max(total, -cap), cap)
        }
    }

    /// Each missing value replaced by the last known one before it.
    private static func carriedForward(_ values: [Double?]) -> [Double?] {
        var last: Double?
        return values.map { value in
            if let value { last = value }
            return last
        }
    }

    /// The series with the drivers' effects taken out of each known value: `yₜ / exp(Eₜ)` for
    /// `logLinear`, `yₜ − Eₜ` for `additive`. A baseline fitted on this series forecasts the target
    /// as it would be with every driver at its normal level, which ``apply(to:drivers:firstPeriod:)``
    /// then moves by the drivers of the forecast periods, so that a driver's effect on the history
    /// is not carried into the forecast by the baseline as well.
    ///
    /// - Throws: ``ForecastError`` for a bad driver or cap, or a value that is not finite.
    public func adjusted(_ series: ForecastSeries, drivers: [ForecastDriver]) throws -> ForecastSeries {
        try adjusted(series, effects: try effects(drivers, periods: 0..<series.count))
    }

    /// The series with the given effects (one per period of the series, from ``effects(_:periods:)``)
    /// taken out, as ``adjusted(_:drivers:)`` does: for a caller that works out the effects once.
    ///
    /// - Throws: ``ForecastError`` for too few effects or a value that is not finite.
    public func adjusted(_ series: ForecastSeries, effects: [Double]) throws -> ForecastSeries {
        guard effects.count >= series.count else {
            throw ForecastError(.invalidParameter, "\(effects.count) effects for a series of \(series.count) periods")
        }
        var adjusted = series
        for (index, value) in series.values.enumerated() {
            guard let value else { continue }
            let moved =
                switch form {
                case .logLinear: value * exp(-effects[index])
                case .additive: value - effects[index]
                }
            guard moved.isFinite else { throw ForecastError(.notFinite, "value \(value) of period \(index) without the drivers' effect is not a finite number") }
            adjusted.values[index] = moved
        }
        return adjusted
    }

    /// The baseline moved by the drivers' effects; the interval moves with its point.
    ///
    /// - Parameters:
    ///   - baseline: the forecast for horizons 1…H.
    ///   - drivers: the drivers, their values aligned with the target series.
    ///   - firstPeriod: the period index of horizon 1, the number of periods in the history.
    /// - Throws: ``ForecastError`` for a bad driver or cap, or a result that is not finite.
    public func apply(to baseline: PointForecast, drivers: [ForecastDriver], firstPeriod: Int) throws -> PointForecast {
        let (end, overflow) = firstPeriod.addingReportingOverflow(baseline.points.count)
        guard !overflow, firstPeriod >= 0 else {
            throw ForecastError(.invalidParameter, "first period \(firstPeriod) must be in 0…\(Int.max - baseline.points.count)")
        }
        return try apply(to: baseline, effects: try effects(drivers, periods: firstPeriod..<end))
    }

    /// The baseline moved by the given effects, one per horizon (from ``effects(_:periods:)``), as
    /// ``apply(to:drivers:firstPeriod:)`` does: for a caller that works out the effects once.
    ///
    /// - Throws: ``ForecastError`` for fewer effects than horizons or a result that is not finite.
    public func apply(to baseline: PointForecast, effects: some Collection<Double>) throws -> PointForecast {
        guard effects.count >= baseline.points.count else {
            throw ForecastError(.invalidParameter, "\(effects.count) effects for \(baseline.points.count) horizons")
        }
        let move: (Double, Double) -> Double =
            switch form {
            case .logLinear: { $0 * exp($1) }
            case .additive: { $0 + $1 }
            }
        let shift = { (values: [Double]) in zip(values, effects).map(move) }
        return try PointForecast(points: shift(baseline.points), lower: baseline.lower.map(shift), upper: baseline.upper.map(shift))
            .checkedFinite("combined")
    }
}
