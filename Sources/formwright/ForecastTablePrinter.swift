import FormwrightRuntime

/// Shows a forecast report to people as aligned plain text that fits an 80-column terminal.
///
/// A heading (the forecast, the revision, the weights, the credibility rule), then per group:
/// its forecast periods with band, baseline and plan, each scenario's change, and its backtest;
/// then the report's notes.
enum ForecastTablePrinter {
    /// The report as text, every line ended.
    static func text(_ report: ForecastReport, app: String) -> String {
        var lines = heading(report, app: app)
        for (index, group) in report.groups.enumerated() {
            lines.append("")
            lines += self.group(group, at: index, of: report)
        }
        if !report.notes.isEmpty {
            lines.append("")
            lines.append("notes:")
            for note in report.notes { lines += TextTable.wrap(note, first: "  - ", rest: "    ") }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    private static func heading(_ report: ForecastReport, app: String) -> [String] {
        let named = "forecast '\(report.name)' of app '\(app)'"
        var lines = TextTable.wrap(report.title == report.name ? "Forecast '\(report.name)' of app '\(app)'" : "\(report.title): \(named)")
        lines.append("revision \(report.revision), computed \(report.computedAt.rfc3339)")
        let span = report.history.first.map { "history \($0) to \(report.history.last ?? $0) (\(report.history.count) periods)" } ?? "no history"
        lines += TextTable.wrap(
            "\(periodAdjective(report.period)) periods in \(report.timeZone); \(span); baseline \(report.baseline)"
                + (report.weights.isEmpty ? "" : ", combined \(report.combine)"), rest: "  ")
        if !report.weights.isEmpty {
            let weights = report.weights.map { weight in
                let used = weight.effective == weight.weight ? "" : " (used: \(ReportNumber.ratio(weight.effective)), held to its bounds and sign)"
                return "\(weight.driver) \(ReportNumber.ratio(weight.weight))\(used)"
            }
            lines += TextTable.wrap("weights: " + weights.joined(separator: ", "), rest: "  ")
        }
        lines += TextTable.wrap("credibility: " + report.credibility.definition, rest: "  ")
        return lines
    }

    private static func group(_ group: ForecastGroupReport, at index: Int, of report: ForecastReport) -> [String] {
        let name = report.groupBy.isEmpty ? group.label : zip(report.groupBy, group.keys).map { "\($0) \($1 ?? "(empty)")" }.joined(separator: ", ")
        let score = group.credibility
        let basis = score.value.map(ReportNumber.ratio) ?? score.reason ?? "no value"
        var lines = TextTable.wrap("\(name): credibility \(score.colour.rawValue) (\(basis))", rest: "  ")
        lines += periods(group, of: report)
        let changes = scenarios(group, at: index, of: report)
        if !changes.isEmpty { lines += [""] + changes }
        lines += [""] + backtest(group, rule: report.credibility)
        return lines
    }

    /// `weekly` for `week`, and so on; another name as it is.
    private static func periodAdjective(_ period: String) -> String {
        switch period {
        case "day": "daily"
        case "week": "weekly"
        case "month": "monthly"
        default: period
        }
    }

    private static func periods(_ group: ForecastGroupReport, of report: ForecastReport) -> [String] {
        var table = TextTable(header: ["period", "forecast", "band", "baseline"] + (group.plan == nil ? [] : ["plan"]))
        for (index, period) in report.periods.enumerated() {
            var band = ReportNumber.missing
            if let lower = group.lower?[safe: index], let upper = group.upper?[safe: index] {
                band = "\(ReportNumber.amount(lower))–\(ReportNumber.amount(upper))"
            }
            var row = [period, ReportNumber.amount(group.forecast[safe: index]), band, ReportNumber.amount(group.baseline[safe: index])]
            if let plan = group.plan { row.append(ReportNumber.amount(plan[safe: report.history.count + index] ?? nil)) }
            table.add(row)
        }
        return table.lines(indent: "  ")
    }

    private static func scenarios(_ group: ForecastGroupReport, at index: Int, of report: ForecastReport) -> [String] {
        guard !report.scenarios.isEmpty else { return [] }
        let deltas = report.scenarios.map { $0.groups[safe: index] }
        var table = TextTable(header: ["change"] + report.scenarios.map(\.name))
        for (period, name) in report.periods.enumerated() {
            table.add([name] + deltas.map { ReportNumber.change($0?.delta[safe: period]) })
        }
        table.add(["total"] + deltas.map { ReportNumber.change($0?.total) })
        return table.lines(indent: "  ")
    }

    private static func backtest(_ group: ForecastGroupReport, rule: CredibilityRule) -> [String] {
        let metrics = ["wape", "mape", "bias", "mase"]
        var table = TextTable(header: ["backtest"] + metrics + ["\(rule.metric) h\(rule.horizon)"])
        var reasons: [String] = []
        for track in group.tracks {
            let overall = track.result?.overall
            let atHorizon = track.result?.byHorizon[safe: rule.horizon - 1]?.value(of: rule.metric)
            table.add([track.name] + metrics.map { ReportNumber.ratio(overall?.value(of: $0)) } + [ReportNumber.ratio(atHorizon)])
            if let unavailable = track.unavailable { reasons += TextTable.wrap("\(track.name): \(unavailable)", first: "    ", rest: "      ") }
        }
        return table.lines(indent: "  ") + reasons
    }
}
