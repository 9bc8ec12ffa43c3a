import Foundation

/// The geometry of a line chart in ``ChartFrame``'s `viewBox`: one line per series across the
/// categories (periods, usually), broken where a value is missing, with a dot on every value.
///
/// Every coordinate is finite whatever the values: a missing or non-finite value leaves a gap,
/// and empty or constant data still make a valid axis.
///
/// ```swift
/// let chart = LineChart(categories: ["2026-11-02", "2026-11-09"], series: [ChartSeries(name: "east", values: [4, nil], labels: ["4", ""])])
/// chart.lines[0].path   // "M 64.0 …" — one point, then a gap
/// ```
struct LineChart: Sendable {
    /// One series' line: an SVG path (`M x y L x y …`, a new `M` after each gap) and its dots.
    struct Line: Sendable, Equatable {
        var path: String
        var dots: [Dot]
        var series: Int
    }

    /// A value's dot and its tooltip.
    struct Dot: Sendable, Equatable {
        var x: Double
        var y: Double
        var tooltip: String
    }

    /// The lines, one per series, in order.
    let lines: [Line]
    /// The axes; a category's label stands at its points.
    let axes: ChartAxes

    /// Lays out the lines.
    ///
    /// - Parameters:
    ///   - categories: the categories' labels, in order.
    ///   - series: the series, each with one value per category.
    init(categories: [String], series: [ChartSeries]) {
        func x(_ index: Int) -> Double {
            ChartFrame.plot.x(column: index, of: categories.count)
        }
        let axes = ChartAxes(categories: categories, series: series, categoryX: x)
        self.axes = axes
        lines = series.enumerated().map { number, line in
            var path: [String] = []
            var dots: [Dot] = []
            var drawing = false
            for (index, category) in categories.enumerated() {
                guard index < line.values.count, let value = line.values[index], value.isFinite else {
                    drawing = false
                    continue
                }
                let point = (x: x(index), y: axes.y(value))
                path.append("\(drawing ? "L" : "M") \(ChartFrame.coordinate(point.x)) \(ChartFrame.coordinate(point.y))")
                drawing = true
                let label = index < line.labels.count ? line.labels[index] : ChartNumberText.compact(value)
                dots.append(Dot(x: point.x, y: point.y, tooltip: [category, line.name].compactMap { $0 }.joined(separator: " · ") + ": " + label))
            }
            return Line(path: path.joined(separator: " "), dots: dots, series: number)
        }
    }
}
