import Foundation

/// The fixed `viewBox` of a chart and the plot area inside it; the page scales the box to its width.
struct ChartFrame: Sendable {
    /// The `viewBox` size.
    static let width = 640.0
    static let height = 300.0
    /// The plot area: room on the left for value labels, above for the value axis title, below for categories.
    static let plot = ChartPlot(left: 64, right: 628, top: 28, bottom: 250)
    /// Where category labels stand, and where the category axis title stands.
    static let categoryLabelY = 268.0
    static let categoryTitleY = 292.0
    /// The most category labels written along the bottom; others are left out, evenly.
    static let maximumCategoryLabels = 6
    /// The longest label written, in characters; longer ones end in "…".
    static let maximumLabelLength = 14

    /// A coordinate as SVG text: one decimal, never NaN or infinite.
    static func coordinate(_ value: Double) -> String {
        String(format: "%.1f", value.isFinite ? value : 0)
    }

    /// A label cut to `maximumLabelLength` characters.
    static func shortLabel(_ text: String) -> String {
        text.count <= maximumLabelLength ? text : String(text.prefix(maximumLabelLength - 1)) + "…"
    }

    /// The indexes of the categories whose labels are written: all when few, else evenly spread, the last included.
    static func labelledIndexes(count: Int) -> [Int] {
        guard count > maximumCategoryLabels else { return Array(0..<count) }
        let every = (count + maximumCategoryLabels - 1) / maximumCategoryLabels
        return (0..<count).filter { ($0 - (count - 1)) % every == 0 }
    }

    /// Round value labels up the left side, lowest first.
    static func valueTicks(_ scale: ChartScale) -> [ChartTick] {
        scale.ticks.map { ChartTick(position: plot.y($0, on: scale), label: ChartNumberText.compact($0)) }
    }
}

/// A label on an axis at a position along it (x for categories, y for values).
struct ChartTick: Sendable, Equatable {
    var position: Double
    var label: String
}

/// One series of a chart: its name for the legend and its value per category, with a text for each.
struct ChartSeries: Sendable {
    /// The series' name in the legend; nil for the only series of a chart.
    var name: String?
    /// One value per category; nil where it has none.
    var values: [Double?]
    /// One text per category for the value's tooltip (`1,234.50`).
    var labels: [String]
}
