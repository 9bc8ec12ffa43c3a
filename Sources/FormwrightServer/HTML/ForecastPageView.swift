import FormwrightDefinition
import FormwrightRuntime
import Foundation

/// What the forecast page shows of a run, as values for the `forecast` template: the weights
/// used, the credibility board, a chart and the dual-track backtest per group, the scenario deltas
/// and the notes. Every text goes through the template's escaping.
struct ForecastPageView {
    let report: ForecastReport
    /// The scenarios the forecast defines, for the links that run one alone.
    let scenarioNames: [String]
    /// The scenario asked for, if one was.
    let scenario: String?
    /// The page's own address, without a query.
    let url: String
    let words: PageWords

    /// The template's values.
    func values() -> [String: Any] {
        var values: [String: Any] = [
            "title": report.title, "revisionLabel": words.revision, "revision": report.revision,
            "computedLabel": words.computedAt, "computedAt": report.computedAt.rfc3339,
            "weightsHeading": words.weightsUsed, "driverLabel": words.driver, "weightLabel": words.weight,
            "effectiveLabel": words.effectiveWeight, "noDrivers": words.noDrivers, "weightsLive": words.weightsLive,
            "weights": report.weights.map { ["driver": $0.driver, "weight": Self.number($0.weight), "effective": Self.number($0.effective)] },
            "credibilityHeading": words.credibility, "definition": report.credibility.definition,
            "groupLabel": words.group, "colourLabel": words.colour,
            "metricLabel": "\(report.credibility.metric.uppercased()) · h\(report.credibility.horizon)",
            "board": report.groups.enumerated().map { boardRow($0.offset, $0.element) }, "groups": report.groups.enumerated().map { group($0.offset, $0.element) },
            "dualTrackHeading": words.dualTrack, "trackLabel": words.track,
            "actualLabel": words.actual, "forecastLabel": words.forecast, "intervalLabel": words.interval, "planLabel": words.plan,
            "scenariosHeading": words.scenarios, "noScenarios": words.noScenarios, "scenarios": report.scenarios.map(scenarioTable),
            "scenarioLinks": scenarioLinks, "notesHeading": words.notes, "notes": report.notes,
            "width": Self.number(ForecastChart.width, decimals: 0), "height": Self.number(ForecastChart.height, decimals: 0),
            "plotLeft": ForecastChart.plot.left, "plotRight": ForecastChart.plot.right, "plotTop": ForecastChart.plot.top,
            "plotBottom": ForecastChart.plot.bottom, "yLabelX": ForecastChart.plot.left - 6, "xLabelY": ForecastChart.plot.bottom + 20,
        ]
        if !report.weights.isEmpty { values["hasWeights"] = true }
        if !report.notes.isEmpty { values["hasNotes"] = true }
        return values
    }

    /// Links that run all scenarios or one alone; the one shown is not a link.
    private var scenarioLinks: [[String: Any]] {
        guard !scenarioNames.isEmpty else { return [] }
        var links: [[String: Any]] = [["text": words.allScenarios, "current": scenario == nil, "url": url]]
        for name in scenarioNames {
            links.append(["text": name, "current": scenario == name, "url": "\(url)?scenario=\(FormEncoding.escape(name))"])
        }
        return links
    }

    private func boardRow(_ index: Int, _ group: ForecastGroupReport) -> [String: Any] {
        var row: [String: Any] = [
            "anchor": index + 1, "label": group.label, "colour": group.credibility.colour.rawValue, "colourWord": words.colourWord(group.credibility.colour),
            "value": Self.number(group.credibility.value, decimals: 4),
        ]
        if let reason = group.credibility.reason { row["reason"] = reason }
        return row
    }

    private func group(_ index: Int, _ group: ForecastGroupReport) -> [String: Any] {
        let chart = ForecastChart(
            history: report.history, periods: report.periods, actuals: group.actuals, forecast: group.forecast, lower: group.lower,
            upper: group.upper, plan: group.plan)
        var values: [String: Any] = [
            "anchor": index + 1, "label": group.label, "chartTitle": words.chartOf + group.label,
            "forecastStart": ChartFrame.coordinate(chart.forecastStart),
            "xTicks": chart.xTicks.map { ["position": ChartFrame.coordinate($0.position), "tick": $0.label] },
            "yTicks": chart.yTicks.map { ["position": ChartFrame.coordinate($0.position), "tick": $0.label] },
            "hasPlan": group.plan != nil, "tracks": group.tracks.map(trackRow),
        ]
        // Only the lines there are: an empty text would still open a template section.
        for (key, text) in [("actualsPath", chart.actualsPath), ("forecastPath", chart.forecastPath), ("bandPoints", chart.bandPoints), ("planPath", chart.planPath)]
        where !text.isEmpty {
            values[key] = text
        }
        return values
    }

    private func trackRow(_ track: ForecastTrack) -> [String: Any] {
        guard let result = track.result else {
            return ["track": track.name, "isModel": track.name == "model", "unavailable": track.unavailable ?? "—"]
        }
        let overall = result.overall
        return [
            "track": track.name, "isModel": track.name == "model",
            "metrics": [overall.wape, overall.mape, overall.bias, overall.mase].map { Self.number($0, decimals: 3) },
        ]
    }

    private func scenarioTable(_ scenario: ScenarioReport) -> [String: Any] {
        let rows = scenario.groups.map { delta -> [String: Any] in
            let official = report.groups.first { $0.label == delta.label }.map { $0.forecast.reduce(0, +) }
            let share = official.flatMap { $0 != 0 && $0.isFinite ? delta.total / abs($0) * 100 : nil }
            return [
                "label": delta.label, "total": Self.signed(delta.total),
                "share": share.map { Self.signed($0, decimals: 1) + "%" } ?? "—", "deltas": delta.delta.map { Self.signed($0) },
            ]
        }
        return [
            "name": scenario.name, "periods": report.periods, "rows": rows, "totalLabel": words.totalChange,
            "shareLabel": words.shareOfForecast,
        ]
    }

    /// A number for a table cell; a dash when there is none.
    static func number(_ value: Double?, decimals: Int = 4) -> String {
        guard let value, value.isFinite else { return "—" }
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A change with its sign: `+12.5`, `-3`, `0`.
    static func signed(_ value: Double, decimals: Int = 2) -> String {
        let text = number(value, decimals: decimals)
        return value > 0 && text != "0" ? "+" + text : text
    }
}
