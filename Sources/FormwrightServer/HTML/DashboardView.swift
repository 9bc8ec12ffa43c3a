import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime

/// A computed dashboard as the values of the `dashboard` page template: figures, charts laid out
/// by ``BarChart`` and ``LineChart``, and record tables. Every text is escaped by the template.
struct DashboardView {
    let result: DashboardResult
    let app: AppDefinition
    let locales: [String]
    let words: PageWords

    /// The series colours, colour-blind safe (Okabe and Ito), used in order and then again.
    static let palette = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#7a6a00", "#1d2330"]

    /// The page's CSS: the tile grid, the charts and one class per series colour.
    static let style: String = {
        var css = """
            main{max-width:76rem}.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr));gap:1rem}
            .tile{background:#fff;border:1px solid #dde;border-radius:.3rem;padding:.25rem 1rem .75rem;min-width:0}
            .tile h2{font-size:1.1rem;margin:.5rem 0}.tile-table{grid-column:1/-1}.tile td,.tile th{white-space:nowrap}
            .figure{font-size:2.2rem;font-weight:700;margin:.25rem 0}.up{color:#1b7a3a}.down{color:#b00020}
            @media (min-width:48rem){.tile-bar,.tile-line{grid-column:span 2}}
            .chart{margin:0}.chart svg{display:block;width:100%;height:auto}.chart text{font-size:13px;fill:#556}
            .chart .title{font-weight:600}.chart .grid{stroke:#e6e8ee}.chart .axis{stroke:#889}
            .chart path.line{fill:none;stroke-width:2;stroke-linejoin:round}
            .legend{font-size:.9rem;color:#556;margin:.3rem 0}.legend span{margin-right:1rem;white-space:nowrap}
            .swatch{display:inline-block;width:.8em;height:.8em;margin-right:.35em;border-radius:2px;vertical-align:-.05em}
            """
        for (index, colour) in palette.enumerated() {
            css += "\n.s\(index){fill:\(colour);stroke:\(colour)}.k\(index){background:\(colour)}"
        }
        return css
    }()

    /// The page's values.
    func values() -> [String: Any] {
        var values: [String: Any] = [
            "title": result.title, "style": Self.style, "tiles": result.tiles.map(tile),
            "computedLine": "\(words.computedAt) \(result.computedAt.rfc3339) · \(result.timeZone)",
        ]
        if let description = result.description { values["description"] = description }
        return values
    }

    private func tile(_ tile: DashboardTileResult) -> [String: Any] {
        var values: [String: Any] = ["kind": tile.kind.rawValue, "title": tile.title]
        if let window = tile.window {
            values["windowLine"] = words.window(count: window.count, period: window.period, from: window.from, to: window.to)
        }
        switch tile.content {
        case .figure(let figure):
            var shown: [String: Any] = ["value": DashboardNumberText.text(figure.value.value)]
            if let previous = figure.previous {
                var line = "\(words.previousPeriod): \(DashboardNumberText.text(previous.value))"
                if let change = figure.change {
                    line = DashboardNumberText.change(change) + " · " + line
                    shown["trend"] = change > 0 ? "up" : change < 0 ? "down" : ""
                }
                if let span = figure.previousWindow { line += " (\(span.from) – \(span.to))" }
                shown["comparison"] = line
            }
            values["figure"] = shown
        case .chart(let chart):
            values["chart"] = chartValues(chart, tile: tile)
            var notes: [String] = []
            if chart.omittedCategories > 0 { notes.append(words.omitted(chart.omittedCategories, "categories")) }
            if chart.omittedSeries > 0 { notes.append(words.omitted(chart.omittedSeries, "series")) }
            if !notes.isEmpty { values["note"] = notes.joined(separator: " · ") }
        case .records(let records):
            values["records"] = recordValues(records, tile: tile)
        }
        return values
    }

    private func chartValues(_ chart: DashboardChartData, tile: DashboardTileResult) -> [String: Any] {
        let categories = chart.categories.map { $0 ?? words.empty }
        let series = chart.series.map { series in
            ChartSeries(
                name: chart.split == nil ? nil : series.name ?? words.empty, values: series.values.map(\.number),
                labels: series.values.map { DashboardNumberText.text($0.value) })
        }
        let left = ChartFrame.coordinate(ChartFrame.plot.left)
        let right = ChartFrame.coordinate(ChartFrame.plot.right)
        func colour(_ index: Int) -> String { "s\(index % Self.palette.count)" }
        var values: [String: Any] = [
            "width": ChartFrame.coordinate(ChartFrame.width), "height": ChartFrame.coordinate(ChartFrame.height), "label": tile.title,
            "left": left, "middle": ChartFrame.coordinate((ChartFrame.plot.left + ChartFrame.plot.right) / 2),
            "categoryTitleY": ChartFrame.coordinate(ChartFrame.categoryTitleY), "valueTitle": tile.measure ?? "", "categoryTitle": chart.by,
        ]
        let axes: ChartAxes
        if tile.kind == .line {
            let layout = LineChart(categories: categories, series: series)
            axes = layout.axes
            values["lines"] = layout.lines.map { line -> [String: Any] in
                [
                    "path": line.path, "series": colour(line.series),
                    "dots": line.dots.map { dot -> [String: Any] in
                        ["x": ChartFrame.coordinate(dot.x), "y": ChartFrame.coordinate(dot.y), "tooltip": dot.tooltip, "series": colour(line.series)]
                    },
                ]
            }
        } else {
            let layout = BarChart(categories: categories, series: series)
            axes = layout.axes
            values["bars"] = layout.bars.map { bar -> [String: Any] in
                [
                    "x": ChartFrame.coordinate(bar.x), "y": ChartFrame.coordinate(bar.y), "width": ChartFrame.coordinate(bar.width),
                    "height": ChartFrame.coordinate(bar.height), "series": colour(bar.series), "tooltip": bar.tooltip,
                ]
            }
        }
        values["zero"] = ChartFrame.coordinate(axes.zero)
        values["right"] = right
        values["valueTicks"] = axes.valueTicks.map { tick -> [String: Any] in
            [
                "y": ChartFrame.coordinate(tick.position), "label": tick.label, "left": left, "right": right,
                "labelX": ChartFrame.coordinate(ChartFrame.plot.left - 6),
            ]
        }
        values["categoryTicks"] = axes.categoryTicks.map { tick -> [String: Any] in
            ["x": ChartFrame.coordinate(tick.position), "y": ChartFrame.coordinate(ChartFrame.categoryLabelY), "label": tick.label]
        }
        if chart.split != nil {
            values["hasLegend"] = true
            values["legend"] = series.enumerated().map { index, line -> [String: Any] in
                ["name": line.name ?? words.empty, "key": "k\(index % Self.palette.count)"]
            }
        }
        return values
    }

    private func recordValues(_ records: DashboardRecords, tile: DashboardTileResult) -> [String: Any] {
        let table = app.table(named: tile.table)
        let base = "/apps/\(FormEncoding.escape(app.name.value))/tables/\(FormEncoding.escape(tile.table))/records/"
        return [
            "columns": records.columns.map { name in table?.field(named: name)?.displayLabel(for: locales) ?? name },
            "rows": records.rows.map { row -> [String: Any] in
                var cells: [[String: Any]] = row.texts.map { ["text": $0] }
                if cells.isEmpty { cells = [["text": row.id]] }
                cells[0]["url"] = base + FormEncoding.escape(row.id)
                if (cells[0]["text"] as? String)?.isEmpty == true { cells[0]["text"] = row.id }
                return ["cells": cells]
            },
            "empty": words.noDashboardRecords,
        ]
    }
}
