import Foundation

/// The axes of a dashboard chart in ``ChartFrame``'s plot: a value axis with zero on it over all the
/// series' values, and the category labels along the bottom.
///
/// ```swift
/// let axes = ChartAxes(series: [ChartSeries(name: nil, values: [3, 5], labels: ["3", "5"])])
/// axes.y(5)   // ChartFrame.plotTop
/// ```
struct ChartAxes: Sendable {
    /// The value axis.
    let scale: ChartScale
    /// Where zero is along y.
    let zero: Double
    /// The value labels up the left side.
    let valueTicks: [ChartTick]

    /// The axes for these series.
    init(series: [ChartSeries]) {
        scale = ChartScale(values: series.flatMap { $0.values.compactMap { $0 } })
        valueTicks = ChartFrame.valueTicks(scale)
        zero = ChartFrame.y(0, on: scale)
    }

    /// Where a value falls along y.
    func y(_ value: Double) -> Double {
        ChartFrame.y(value, on: scale)
    }

    /// The labels of the categories that are written, each at the x that `x` gives for its index.
    static func categoryTicks(_ categories: [String], x: (Int) -> Double) -> [ChartTick] {
        ChartFrame.labelledIndexes(count: categories.count).map { index in
            ChartTick(position: x(index), label: ChartFrame.shortLabel(categories[index]))
        }
    }
}
