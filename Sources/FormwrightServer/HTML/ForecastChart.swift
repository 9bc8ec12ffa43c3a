import Foundation

/// The geometry of one group's forecast chart in a fixed `viewBox`: the recent actuals, the
/// forecast with its interval band, the plan, and the axis ticks.
///
/// Everything is a plain number or text for the page template to place; a value that is missing
/// or not finite leaves a gap, and no coordinate is ever NaN or infinite, whatever the input. The
/// value axis is a ``ChartScale`` fitted to the values alone (zero is not forced onto it), with
/// its labels in one unit (``ChartNumberText/axisLabels(_:step:)``).
///
/// ```swift
/// let chart = ForecastChart(history: report.history, periods: report.periods, actuals: group.actuals,
///                           forecast: group.forecast, lower: group.lower, upper: group.upper, plan: group.plan)
/// chart.forecastPath   // "M 560.0 84.2 L 578.3 80.1 …"
/// ```
struct ForecastChart: Sendable {
    /// The `viewBox` size; the page scales it to the screen's width.
    static let width = 640.0
    static let height = 260.0
    /// The plot area inside the box: room on the left for value labels and below for dates.
    static let plot = ChartPlot(left: 60, right: 628, top: 12, bottom: 224)
    /// How many history periods the chart shows by default: half a year of weeks.
    static let defaultHistoryShown = 26

    /// The period dates along the x axis: the shown history, then the forecast periods.
    let columns: [String]
    /// The value axis: its lowest and highest value and its ticks.
    let scale: ChartScale
    /// The actuals as an SVG path (`M … L …`, broken where a value is missing); empty when there are none.
    let actualsPath: String
    /// The forecast as a path, starting at the last actual when there is one so the lines join.
    let forecastPath: String
    /// The interval band as polygon points (`x,y x,y …`: the upper edge, then the lower edge back); empty without a band.
    let bandPoints: String
    /// The plan as a path, broken where it has no value; empty without a plan.
    let planPath: String
    /// Where the forecast begins along x: the boundary between history and forecast.
    let forecastStart: Double
    /// A few period dates along the bottom.
    let xTicks: [ChartTick]
    /// Round values up the left side, lowest first.
    let yTicks: [ChartTick]

    /// Lays out a chart.
    ///
    /// - Parameters:
    ///   - history: the history period dates, oldest first; only the last `historyShown` are drawn.
    ///   - periods: the forecast period dates.
    ///   - actuals: one value per history period; nil where unknown.
    ///   - forecast: one value per forecast period.
    ///   - lower: the band's lower edge per forecast period, if any.
    ///   - upper: the band's upper edge per forecast period, if any.
    ///   - plan: the plan per history period and then per forecast period, if any.
    ///   - historyShown: how many history periods to draw.
    init(
        history: [String], periods: [String], actuals: [Double?], forecast: [Double], lower: [Double]? = nil, upper: [Double]? = nil,
        plan: [Double?]? = nil, historyShown: Int = ForecastChart.defaultHistoryShown
    ) {
        let shown = max(0, min(historyShown, history.count))
        let firstShown = history.count - shown
        let columns = Array(history.suffix(shown)) + periods
        self.columns = columns
        let count = columns.count

        func finite(_ value: Double?) -> Double? {
            guard let value, value.isFinite else { return nil }
            return value
        }
        func value(_ values: [Double?], _ index: Int) -> Double? {
            values.indices.contains(index) ? finite(values[index]) : nil
        }
        let shownActuals = (0..<shown).map { value(actuals, firstShown + $0) }
        let forecastValues = (0..<periods.count).map { value(forecast, $0) }
        let band: [(Double, Double)?] = (0..<periods.count).map { index in
            guard let lower, let upper, let low = value(lower, index), let high = value(upper, index) else { return nil }
            return (min(low, high), max(low, high))
        }
        let planValues: [Double?]? = plan.map { plan in (0..<count).map { value(plan, firstShown + $0) } }

        let all = shownActuals + forecastValues + band.flatMap { $0.map { [$0.0, $0.1] } ?? [] } + (planValues ?? [])
        let scale = ChartScale(values: all.compactMap { $0 }, tickCount: 4, includingZero: false)
        self.scale = scale
        yTicks = zip(scale.ticks, ChartNumberText.axisLabels(scale.ticks, step: scale.step)).map {
            ChartTick(position: Self.plot.y($0.0, on: scale), label: $0.1)
        }

        let x = { (index: Int) in Self.plot.x(column: index, of: count) }
        let y = { (value: Double) in Self.plot.y(value, on: scale) }
        actualsPath = Self.path(shownActuals.enumerated().map { ($0.offset, $0.element) }, x: x, y: y)
        var forecastPoints = forecastValues.enumerated().map { (shown + $0.offset, $0.element) }
        if let last = shownActuals.last, let last, forecastValues.first.flatMap({ $0 }) != nil {
            forecastPoints.insert((shown - 1, last), at: 0)
        }
        forecastPath = Self.path(forecastPoints, x: x, y: y)
        let edges = band.enumerated().compactMap { index, edge in edge.map { (shown + index, $0.0, $0.1) } }
        bandPoints =
            edges.count < 2
            ? ""
            : (edges.map { Self.point(x($0.0), y($0.2)) } + edges.reversed().map { Self.point(x($0.0), y($0.1)) }).joined(separator: " ")
        planPath = planValues.map { Self.path($0.enumerated().map { ($0.offset, $0.element) }, x: x, y: y) } ?? ""
        forecastStart = shown == 0 ? Self.plot.left : periods.isEmpty ? Self.plot.right : (x(shown - 1) + x(shown)) / 2
        let stride = max(1, Int((Double(count) / 5).rounded(.up)))
        xTicks = Swift.stride(from: 0, to: count, by: stride).map { ChartTick(position: x($0), label: columns[$0]) }
    }

    /// A path through the points, lifting the pen over missing values. A point with no neighbour
    /// gets a segment of length 0, which a round line cap shows as a dot.
    static func path(_ points: [(Int, Double?)], x: (Int) -> Double, y: (Double) -> Double) -> String {
        var segments: [[String]] = []
        var penDown = false
        for (index, value) in points {
            guard let value else {
                penDown = false
                continue
            }
            let place = ChartFrame.coordinate(x(index)) + " " + ChartFrame.coordinate(y(value))
            if penDown {
                segments[segments.count - 1].append("L " + place)
            } else {
                segments.append(["M " + place])
            }
            penDown = true
        }
        return segments.map { $0.count == 1 ? $0[0] + " l 0 0" : $0.joined(separator: " ") }.joined(separator: " ")
    }

    /// A polygon's point as `x,y`.
    static func point(_ x: Double, _ y: Double) -> String {
        ChartFrame.coordinate(x) + "," + ChartFrame.coordinate(y)
    }
}
