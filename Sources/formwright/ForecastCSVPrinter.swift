import FormwrightCore
import FormwrightRuntime

/// Writes a forecast report as CSV (RFC 4180, lines ending in CRLF): one row per group and period.
///
/// The header is the group-by fields, `period`, `kind` (`actual` for a history period, `forecast`
/// for a period ahead), `value`, `lower`, `upper`, `baseline`, `plan`, then one column per scenario
/// run, holding its forecast. A cell with no value is empty. Numbers are written in full, as the
/// JSON report writes them; text cells are guarded against spreadsheet formulas like `export`'s.
enum ForecastCSVPrinter {
    /// The report as CSV text.
    static func text(_ report: ForecastReport) -> String {
        var text = record(texts: report.groupBy + ["period", "kind", "value", "lower", "upper", "baseline", "plan"] + report.scenarios.map(\.name))
        for (index, group) in report.groups.enumerated() {
            let keys = group.keys.map { $0 ?? "" }
            for (period, name) in report.history.enumerated() {
                let numbers: [Double?] = [group.actuals[safe: period] ?? nil, nil, nil, nil, group.plan?[safe: period] ?? nil]
                text += record(texts: keys + [name, "actual"], numbers: numbers + report.scenarios.map { _ in nil })
            }
            for (period, name) in report.periods.enumerated() {
                let numbers: [Double?] = [
                    group.forecast[safe: period], group.lower?[safe: period], group.upper?[safe: period], group.baseline[safe: period],
                    group.plan?[safe: report.history.count + period] ?? nil,
                ]
                let scenarios = report.scenarios.map { $0.groups[safe: index]?.forecast[safe: period] }
                text += record(texts: keys + [name, "forecast"], numbers: numbers + scenarios)
            }
        }
        return text
    }

    /// One CSV line: the text cells protected and quoted, then the numbers (an empty cell for none).
    private static func record(texts: [String], numbers: [Double?] = []) -> String {
        let cells = texts.map { CSVWriter.quoted(CSVWriter.protect($0)) } + numbers.map(number)
        return cells.joined(separator: ",") + "\r\n"
    }

    /// A number as the JSON report writes it (shortest text that reads back as the same double).
    private static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return JSONWriter.write(.double(value))
    }
}
