import Foundation

/// Numbers as short text for chart axes: `0`, `2.5`, `1.2k`, `3M`, `-40`.
enum ChartNumberText {
    /// A value in at most four or five characters, with k, M, B or T for thousands and up.
    static func compact(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let magnitude = abs(value)
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
        for (size, suffix) in units where magnitude >= size {
            return trimmed(value / size, decimals: 1) + suffix
        }
        return trimmed(value, decimals: magnitude < 1 && magnitude > 0 ? 2 : 1)
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
