import Foundation

/// The axes of a dashboard chart in ``ChartFrame``'s plot: a value axis with zero on it over all the
/// series' values, and the category labels along the bottom.
///
/// ```swift
/// let axes = ChartAxes(categories: ["lead", "won"], series: [ChartSeries(name: nil, values: [3, 5], labels: ["3", "5"])]) {
///     ChartFrame.plot.left + Double($0) * 100
/// }
/// axes.y(5)   // ChartFrame.plot.top
/// ```
struct ChartAxes: Sendable {
    /// The value axis.
    let scale: ChartScale
    /// Where zero is along y: the baseline of bars.
    let zero: Double
    /// The value labels up the left side.
    let valueTicks: [ChartTick]
    /// The category labels along the bottom; with many categories only some are written.
    let categoryTicks: [ChartTick]

    /// The axes for these categories and series.
    ///
    /// - Parameters:
    ///   - categories: the categories' labels, in order.
    ///   - series: the series, each with one value per category.
    ///   - categoryX: where a category's label stands along x, by its index.
    init(categories: [String], series: [ChartSeries], categoryX: (Int) -> Double) {
        scale = ChartScale(values: series.flatMap { $0.values.compactMap { $0 } })
        valueTicks = ChartFrame.valueTicks(scale)
        zero = ChartFrame.plot.y(0, on: scale)
        categoryTicks = ChartFrame.labelledIndexes(count: categories.count).map { index in
            ChartTick(position: categoryX(index), label: ChartFrame.shortLabel(categories[index]))
        }
    }

    /// Where a value falls along y.
    func y(_ value: Double) -> Double {
        ChartFrame.plot.y(value, on: scale)
    }
}
