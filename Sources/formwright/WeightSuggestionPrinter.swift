import FormwrightRuntime

/// Shows suggested driver weights to people: the change to the YAML, then the backtest error
/// of the model with the current and with the suggested weights.
enum WeightSuggestionPrinter {
    /// The suggestion as text, every line ended.
    static func text(_ suggestion: WeightSuggestion, forecast: String, app: String) -> String {
        var lines = TextTable.wrap(
            "Suggested driver weights for forecast '\(forecast)' of app '\(app)'. The app file is not changed; "
                + "to use them, change the weights in the forecast's 'drivers:' as shown:")
        lines.append("")
        lines += suggestion.yamlChange.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        lines.append("")
        let count = suggestion.before.count
        lines += TextTable.wrap("Backtest of the model over all groups (\(count) forecast\(count == 1 ? "" : "s") against actuals):")
        let metrics = ["wape", "mape", "bias", "mase"]
        var table = TextTable(header: ["weights"] + metrics)
        table.add(["current"] + metrics.map { ReportNumber.ratio(suggestion.before.value(of: $0)) })
        table.add(["suggested"] + metrics.map { ReportNumber.ratio(suggestion.after.value(of: $0)) })
        lines += table.lines(indent: "  ")
        return lines.map { $0 + "\n" }.joined()
    }
}
