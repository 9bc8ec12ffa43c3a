import FormwrightCore
import Foundation

/// Figures as text for a dashboard page: digits grouped in threes, money at its scale, other
/// numbers with at most two decimals.
enum DashboardNumberText {
    /// `12,345`, `1,234.50`, `0.42`; `—` for a figure without a value.
    static func text(_ value: Value) -> String {
        switch value {
        case .int(let number): return grouped(String(number))
        case .string(let decimal): return grouped(decimal)
        case .double(let number):
            guard number.isFinite else { return "—" }
            return grouped(ChartNumberText.trimmed(number, decimals: abs(number) >= 1000 ? 0 : 2))
        default: return "—"
        }
    }

    /// `(value − previous) / |previous|` as a signed percentage: `+12.5 %`, `-3 %`.
    static func change(_ change: Double) -> String {
        let percent = ChartNumberText.trimmed(change * 100, decimals: 1)
        return (change > 0 ? "+" : "") + percent + " %"
    }

    /// Groups the whole part of a decimal text in threes: `-1234567.5` → `-1,234,567.5`.
    static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = Array(parts.first ?? "")
        guard whole.allSatisfy(\.isNumber) else { return text }
        var groups: [String] = []
        var end = whole.count
        while end > 0 {
            let start = max(0, end - 3)
            groups.insert(String(whole[start..<end]), at: 0)
            end = start
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + groups.joined(separator: ",") + fraction
    }
}
