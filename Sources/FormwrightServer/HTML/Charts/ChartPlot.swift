import Foundation

/// The plot area of a chart inside its `viewBox`, and where values and columns fall in it.
///
/// ```swift
/// let plot = ChartPlot(left: 60, right: 620, top: 10, bottom: 210)
/// plot.y(5, on: ChartScale(values: [0, 10]))   // 110.0
/// plot.x(column: 1, of: 3)                     // 340.0
/// ```
struct ChartPlot: Sendable, Equatable {
    /// The left edge: room is left of it for value labels.
    let left: Double
    /// The right edge.
    let right: Double
    /// The top edge.
    let top: Double
    /// The bottom edge: room is left below it for category labels.
    let bottom: Double

    /// Where a value falls along y: the scale's lower end at the bottom, its upper end at the top.
    func y(_ value: Double, on scale: ChartScale) -> Double {
        scale.position(value, from: bottom, to: top)
    }

    /// The x of one of `count` columns spread evenly from the left edge to the right, a single one in the middle.
    func x(column index: Int, of count: Int) -> Double {
        count < 2 ? (left + right) / 2 : left + (right - left) * Double(index) / Double(count - 1)
    }
}
