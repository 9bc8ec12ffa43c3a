/// How a driver's raw values become the values its weight multiplies.
///
/// Both trailing forms compare period `t` with the `window` values before it (`t−window … t−1`),
/// so a value is measured against its recent past, not against itself; while that window has a
/// missing value or is not yet full, the normalised value is missing.
public enum DriverNormalization: Sendable, Hashable {
    /// The raw value.
    case none
    /// `(xₜ − mean) / sd` over the trailing window, `sd` the population standard deviation; 0
    /// when the window's values are all equal. The window has at least 2 values.
    case zScore(window: Int)
    /// `xₜ / mean − 1` over the trailing window (0.1 is 10% above the mean); missing when the
    /// mean is 0.
    case percentOfMean(window: Int)

    /// The normalised values, one per period.
    ///
    /// - Throws: ``ForecastError`` for a window that is too small or a value that is not finite.
    public func apply(_ values: [Double?]) throws -> [Double?] {
        for (index, value) in values.enumerated() {
            if let value, !value.isFinite {
                throw ForecastError(.notFinite, "driver value \(value) of period \(index) is not a finite number")
            }
        }
        switch self {
        case .none:
            return values
        case .zScore(let window):
            guard window >= 2 else { throw ForecastError(.invalidParameter, "z-score window \(window) must be at least 2") }
            return Self.trailing(values, window: window) { value, past in
                let mean = Baseline.mean(past[...])
                var squares = 0.0
                for item in past { squares += (item - mean) * (item - mean) }
                let deviation = (squares / Double(past.count)).squareRoot()
                // A window of equal values has no spread, though rounding may leave a trace of one.
                return deviation > 1e-12 * abs(mean) && deviation > 0 ? (value - mean) / deviation : 0
            }
        case .percentOfMean(let window):
            guard window >= 1 else { throw ForecastError(.invalidParameter, "percent window \(window) must be at least 1") }
            return Self.trailing(values, window: window) { value, past in
                let mean = Baseline.mean(past[...])
                return mean != 0 ? value / mean - 1 : nil
            }
        }
    }

    private static func trailing(_ values: [Double?], window: Int, _ transform: (Double, [Double]) -> Double?) -> [Double?] {
        values.indices.map { t in
            guard let value = values[t], t >= window else { return nil }
            let past = values[(t - window)..<t].compactMap { $0 }
            guard past.count == window else { return nil }
            let result = transform(value, past)
            return result.flatMap { $0.isFinite ? $0 : nil }
        }
    }
}
