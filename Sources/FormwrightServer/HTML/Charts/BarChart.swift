import Foundation

/// The geometry of a bar chart in ``ChartFrame``'s `viewBox`: one group of bars per category, one
/// bar per series, each from zero up (or down, for a negative value).
///
/// Every coordinate is finite whatever the values: a missing or non-finite value has no bar, and
/// empty or constant data still make a valid axis.
///
/// ```swift
/// let chart = BarChart(categories: ["lead", "won"], series: [ChartSeries(name: nil, values: [3, 5], labels: ["3", "5"])])
/// chart.bars.count   // 2
/// ```
struct BarChart: Sendable {
    /// One bar: its rectangle, its series (for the colour) and its tooltip.
    struct Bar: Sendable, Equatable {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
        var series: Int
        var tooltip: String
    }

    /// The bars, category by category.
    let bars: [Bar]
    /// The axes; a category's label stands at the middle of its group.
    let axes: ChartAxes

    /// Lays out the bars.
    ///
    /// - Parameters:
    ///   - categories: the categories' labels, in order.
    ///   - series: the series, each with one value per category.
    init(categories: [String], series: [ChartSeries]) {
        let band = (ChartFrame.plot.right - ChartFrame.plot.left) / Double(max(categories.count, 1))
        let axes = ChartAxes(categories: categories, series: series) { ChartFrame.plot.left + (Double($0) + 0.5) * band }
        self.axes = axes
        let groupWidth = band * 0.8
        let barWidth = groupWidth / Double(max(series.count, 1))
        var bars: [Bar] = []
        for (index, category) in categories.enumerated() {
            let groupLeft = ChartFrame.plot.left + Double(index) * band + (band - groupWidth) / 2
            for (number, line) in series.enumerated() {
                guard index < line.values.count, let value = line.values[index], value.isFinite else { continue }
                let end = axes.y(value)
                let label = index < line.labels.count ? line.labels[index] : ChartNumberText.compact(value)
                let tooltip = [category, line.name].compactMap { $0 }.joined(separator: " · ") + ": " + label
                bars.append(
                    Bar(
                        x: groupLeft + Double(number) * barWidth, y: min(end, axes.zero), width: max(barWidth - 1, 0.5), height: abs(axes.zero - end),
                        series: number, tooltip: tooltip))
            }
        }
        self.bars = bars
    }
}
