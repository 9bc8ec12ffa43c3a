import Foundation

/// A value axis with round ticks: the lowest and highest value shown, and the ticks between.
///
/// By default zero is on the axis, so bars start from it and a line's level reads truly; an axis
/// without zero fits the values alone and pads equal values so they sit in the middle. Values
/// that are not finite are ignored; no values, or only zeros with zero on the axis, make the axis
/// 0 to 1. The bounds always differ and are finite, so positions are never NaN or infinite.
///
/// ```swift
/// let scale = ChartScale(values: [-3, 12.5])   // -5 … 15, ticks every 5
/// scale.position(12.5, from: 200, to: 20)       // 42.5
/// ```
struct ChartScale: Sendable, Equatable {
    /// The value at the bottom (or left) of the axis.
    let lower: Double
    /// The value at the top (or right) of the axis.
    let upper: Double
    /// The tick values, lowest first, `lower` and `upper` included.
    let ticks: [Double]
    /// The distance between two ticks.
    let step: Double

    /// Values beyond this magnitude are clamped to it, so that differences stay finite.
    static let largestMagnitude = 1e300

    /// An axis covering `values`, and zero unless `includingZero` is false, with about `tickCount` intervals.
    init(values: [Double], tickCount: Int = 5, includingZero: Bool = true) {
        let intervals = Double(max(tickCount, 1))
        let finite = values.filter(\.isFinite).map { min(max($0, -Self.largestMagnitude), Self.largestMagnitude) }
        guard var low = finite.min(), var high = finite.max() else {
            self.init(lower: 0, upper: 1, step: Self.roundStep(1 / intervals))
            return
        }
        if includingZero {
            (low, high) = (min(low, 0), max(high, 0))
        } else if low == high {
            let pad = max(abs(low) / 10, 1)
            (low, high) = (low - pad, high + pad)
        }
        guard high > low else {
            self.init(lower: 0, upper: 1, step: Self.roundStep(1 / intervals))
            return
        }
        let step = Self.roundStep((high - low) / intervals)
        var lower = (low / step).rounded(.down) * step
        var upper = (high / step).rounded(.up) * step
        if !(upper > lower) || !lower.isFinite || !upper.isFinite {
            (lower, upper) = (low, high)
        }
        self.init(lower: lower, upper: upper, step: step)
    }

    private init(lower: Double, upper: Double, step: Double) {
        self.lower = lower
        self.upper = upper
        self.step = step
        var ticks: [Double] = []
        var index = 0.0
        while ticks.count <= 20 {
            let tick = lower + index * step
            guard tick <= upper + step / 2, tick.isFinite else { break }
            ticks.append(abs(tick) < step / 1e6 ? 0 : tick)
            index += 1
        }
        self.ticks = ticks
    }

    /// A round step near `raw`: 1, 2, 2.5 or 5 times a power of ten.
    static func roundStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let residual = raw / magnitude
        let factor: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10
        let step = factor * magnitude
        return step.isFinite && step > 0 ? step : raw
    }

    /// Where a value falls between two coordinates: `lower` at `start`, `upper` at `end`, clamped to them.
    func position(_ value: Double, from start: Double, to end: Double) -> Double {
        guard value.isFinite else { return start }
        let fraction = (min(max(value, lower), upper) - lower) / (upper - lower)
        let position = start + fraction * (end - start)
        return position.isFinite ? position : start
    }
}
