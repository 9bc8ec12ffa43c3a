import Foundation

/// The geometry of one group's forecast chart in a fixed `viewBox`: the recent actuals, the
/// forecast with its interval band, the plan, and the axis ticks.
///
/// Everything is a plain number or text for the page template to place; a value that is missing
/// or not finite leaves a gap, and no coordinate is ever NaN or infinite, whatever the input.
///
/// ```swift
/// let chart = ForecastChart(history: report.history, periods: report.periods, actuals: group.actuals,
///                           forecast: group.forecast, lower: group.lower, upper: group.upper, plan: group.plan)
/// chart.forecastPath   // "M 560.0 84.2 L 578.3 80.1 …"
/// ```
struct ForecastChart: Sendable {
    /// A label on an axis at a position along it (x for periods, y for values).
    struct Tick: Sendable, Equatable {
        var position: Double
        var label: String
    }

    /// The `viewBox` size; the page scales it to the screen's width.
    static let width = 640.0
    static let height = 260.0
    /// The plot area inside the box: room on the left for value labels and below for dates.
    static let plotLeft = 60.0
    static let plotRight = 628.0
    static let plotTop = 12.0
    static let plotBottom = 224.0
    /// How many history periods the chart shows by default: half a year of weeks.
    static let defaultHistoryShown = 26

    /// The period dates along the x axis: the shown history, then the forecast periods.
    let columns: [String]
    /// The lowest and highest value of the y axis.
    let yRange: ClosedRange<Double>
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
    let xTicks: [Tick]
    /// Round values up the left side, lowest first.
    let yTicks: [Tick]

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
        let scale = Self.scale(all.compactMap { $0 })
        yRange = scale.range
        yTicks = zip(scale.ticks, Self.labels(scale.ticks, step: scale.step)).map { Tick(position: Self.y($0.0, in: scale.range), label: $0.1) }

        let x = { (index: Int) in Self.x(index, of: count) }
        let y = { (value: Double) in Self.y(value, in: scale.range) }
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
        forecastStart = shown == 0 ? Self.plotLeft : periods.isEmpty ? Self.plotRight : (x(shown - 1) + x(shown)) / 2
        let stride = max(1, Int((Double(count) / 5).rounded(.up)))
        xTicks = Swift.stride(from: 0, to: count, by: stride).map { Tick(position: x($0), label: columns[$0]) }
    }

    /// The x of a column: the columns spread evenly across the plot, a single one in its middle.
    static func x(_ index: Int, of count: Int) -> Double {
        guard count > 1 else { return (plotLeft + plotRight) / 2 }
        return plotLeft + (plotRight - plotLeft) * Double(index) / Double(count - 1)
    }

    /// The y of a value: the range's bottom at the plot's bottom, its top at the plot's top.
    ///
    /// Halves are taken before subtracting so that even the largest doubles give a finite result.
    static func y(_ value: Double, in range: ClosedRange<Double>) -> Double {
        let span = range.upperBound / 2 - range.lowerBound / 2
        guard span > 0, value.isFinite else { return plotBottom }
        let fraction = min(1, max(0, (value / 2 - range.lowerBound / 2) / span))
        return plotBottom - (plotBottom - plotTop) * fraction
    }

    /// The y axis for these values: a range starting and ending on round ticks, with a few ticks.
    ///
    /// No values gives 0 to 1; equal values are padded so they sit in the middle.
    static func scale(_ values: [Double]) -> (range: ClosedRange<Double>, ticks: [Double], step: Double) {
        guard var low = values.min(), var high = values.max() else { return (0...1, [0, 0.25, 0.5, 0.75, 1], 0.25) }
        if low == high {
            let pad = max(abs(low) / 10, 1)
            (low, high) = (low - pad, high + pad)
        }
        let rawStep = (high / 2 - low / 2) / 2
        let magnitude = pow(10, (log10(rawStep)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rawStep } ?? rawStep
        let bottom = (low / step).rounded(.down) * step
        let top = (high / step).rounded(.up) * step
        guard step.isFinite, step > 0, bottom.isFinite, top.isFinite, bottom < top else { return (low...high, [low, high], high / 2 - low / 2) }
        let count = min(10, Int(((top - bottom) / step).rounded()))
        return (bottom...top, (0...count).map { bottom + Double($0) * step }, step)
    }

    /// Labels for the ticks of an axis, in one unit for all (`0`, `0.5M`, `1.0M`, `1.5M`), with as
    /// many decimals as the step needs; zero is always `0`.
    static func labels(_ ticks: [Double], step: Double) -> [String] {
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
        let largest = ticks.map(abs).max() ?? 0
        let (divisor, suffix) = units.first { largest >= $0.0 && abs(step) >= $0.0 / 10 } ?? (1, "")
        let scaledStep = abs(step) / divisor
        let decimals = (0...6).first { digits in
            let shifted = scaledStep * pow(10, Double(digits))
            return abs(shifted - shifted.rounded()) < 1e-6 * max(1, shifted)
        } ?? 6
        return ticks.map { tick in
            let scaled = tick / divisor
            guard abs(scaled) >= scaledStep / 1e6, scaled.isFinite else { return "0" }
            return String(format: "%.\(decimals)f", scaled) + suffix
        }
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
            let place = coordinate(x(index)) + " " + coordinate(y(value))
            if penDown {
                segments[segments.count - 1].append("L " + place)
            } else {
                segments.append(["M " + place])
            }
            penDown = true
        }
        return segments.map { $0.count == 1 ? $0[0] + " l 0 0" : $0.joined(separator: " ") }.joined(separator: " ")
    }

    static func point(_ x: Double, _ y: Double) -> String {
        coordinate(x) + "," + coordinate(y)
    }

    /// One decimal is finer than a pixel at any size the chart is shown.
    static func coordinate(_ value: Double) -> String {
        String(format: "%.1f", value.isFinite ? value : 0)
    }
}
