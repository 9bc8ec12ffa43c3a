import Foundation

/// Numbers of a forecast report as a person reads them: amounts to 2 decimals, ratios and weights
/// to 3, and a dash for a number that is missing.
enum ReportNumber {
    /// What stands where a number is missing or not finite.
    static let missing = "—"

    /// An amount to 2 decimals: `1234.50`.
    static func amount(_ value: Double?) -> String {
        fixed(value, decimals: 2)
    }

    /// A change in an amount to 2 decimals with its sign: `+12.30`, `-4.00`, `0.00`.
    static func change(_ value: Double?) -> String {
        let text = fixed(value, decimals: 2)
        guard let value, value.isFinite, text != "0.00" else { return text }
        return value > 0 ? "+" + text : text
    }

    /// A ratio such as a WAPE, or a weight, to 3 decimals: `0.081`.
    static func ratio(_ value: Double?) -> String {
        fixed(value, decimals: 3)
    }

    private static func fixed(_ value: Double?, decimals: Int) -> String {
        guard let value, value.isFinite else { return missing }
        let text = String(format: "%.\(decimals)f", value)
        // A value that rounds to zero from below prints without its minus sign.
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }
}
