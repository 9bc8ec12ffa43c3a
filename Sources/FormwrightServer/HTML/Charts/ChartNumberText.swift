import Foundation

/// Numbers as short text for chart axes: `0`, `2.5`, `1.2k`, `3M`, `-40`.
enum ChartNumberText {
    /// The units for large numbers, largest first.
    static let units: [(size: Double, suffix: String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]

    /// A value in at most four or five characters, with k, M, B or T for thousands and up.
    static func compact(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let magnitude = abs(value)
        for (size, suffix) in units where magnitude >= size {
            return trimmed(value / size, decimals: 1) + suffix
        }
        return trimmed(value, decimals: magnitude < 1 && magnitude > 0 ? 2 : 1)
    }

    /// Labels for the ticks of an axis, in one unit for all (`0`, `0.5M`, `1.0M`, `1.5M`), with as
    /// many decimals as the step needs; zero is always `0`.
    static func axisLabels(_ ticks: [Double], step: Double) -> [String] {
        let largest = ticks.map(abs).max() ?? 0
        let (divisor, suffix) = units.first { largest >= $0.size && abs(step) >= $0.size / 10 } ?? (1, "")
        let scaledStep = abs(step) / divisor
        let decimals =
            (0...6).first { digits in
                let shifted = scaledStep * pow(10, Double(digits))
                return abs(shifted - shifted.rounded()) < 1e-6 * max(1, shifted)
            } ?? 6
        return ticks.map { tick in
            let scaled = tick / divisor
            guard abs(scaled) >= scaledStep / 1e6, scaled.isFinite else { return "0" }
            return String(format: "%.\(decimals)f", scaled) + suffix
        }
    }

    /// `value` with at most `decimals` decimals, trailing zeros dropped.
    static func trimmed(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
