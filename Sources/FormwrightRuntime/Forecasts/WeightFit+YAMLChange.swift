import Foundation

extension WeightFit {
    /// The change to the forecast's `drivers:` as a unified-diff-like snippet, weights to 3 decimals.
    ///
    /// A driver whose weight prints the same before and after is a context line; one that changes
    /// is a `-` line with the current weight then a `+` line with the suggested one. Drivers keep
    /// their order:
    ///
    /// ```
    /// --- forecasts.weekly_revenue (current)
    /// +++ forecasts.weekly_revenue (suggested, λ = 10)
    ///  drivers:
    /// -  subsidy: { weight: 0.100 }
    /// +  subsidy: { weight: 0.120 }
    ///    competitor: { weight: 0.150 }
    /// ```
    public func yamlChange(forecast: String) -> String {
        var lines = [
            "--- forecasts.\(forecast) (current)",
            "+++ forecasts.\(forecast) (suggested, λ = \(String(format: "%g", lambda)))",
            " drivers:",
        ]
        for (name, (current, suggested)) in zip(drivers, zip(currentWeights, weights)) {
            let before = Self.format(current)
            let after = Self.format(suggested)
            if before == after {
                lines.append("   \(name): { weight: \(after) }")
            } else {
                lines.append("-  \(name): { weight: \(before) }")
                lines.append("+  \(name): { weight: \(after) }")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A weight to 3 decimals, without a minus sign on zero.
    static func format(_ weight: Double) -> String {
        let text = String(format: "%.3f", weight)
        return text == "-0.000" ? "0.000" : text
    }
}
