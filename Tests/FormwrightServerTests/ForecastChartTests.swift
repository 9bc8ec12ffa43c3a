import Foundation
import Testing

@testable import FormwrightServer

/// The chart's geometry: values scaled into the plot, gaps for missing values, and never a
/// coordinate that is not a finite number.
@Suite struct ForecastChartTests {
    static func weeks(_ count: Int, from start: Int = 0) -> [String] {
        (0..<count).map { String(format: "2026-W%02d", start + $0) }
    }

    /// Every number written into the chart's paths, points and ticks.
    static func numbers(_ chart: ForecastChart) -> [Double] {
        let texts = [chart.actualsPath, chart.forecastPath, chart.bandPoints, chart.planPath]
        let words = texts.flatMap { $0.split { $0 == " " || $0 == "," } }.filter { !["M", "L", "l"].contains($0) }
        return words.map { Double($0) ?? .nan } + [chart.forecastStart] + (chart.xTicks + chart.yTicks).map(\.position)
            + [chart.scale.lower, chart.scale.upper]
    }

    static func expectFiniteAndInside(_ chart: ForecastChart, sourceLocation: SourceLocation = #_sourceLocation) {
        let numbers = numbers(chart)
        let allFinite = numbers.allSatisfy { $0.isFinite }
        #expect(allFinite, "\(numbers)", sourceLocation: sourceLocation)
        let text = [chart.actualsPath, chart.forecastPath, chart.bandPoints, chart.planPath].joined() + chart.yTicks.map(\.label).joined()
        #expect(!text.lowercased().contains("nan") && !text.lowercased().contains("inf"), "\(text)", sourceLocation: sourceLocation)
        for tick in chart.yTicks {
            #expect(tick.position >= ForecastChart.plot.top && tick.position <= ForecastChart.plot.bottom, sourceLocation: sourceLocation)
        }
    }

    /// The (x, y) pairs of a path, a lone point's zero-length segment left out.
    static func points(_ path: String) -> [(Double, Double)] {
        let numbers = path.replacingOccurrences(of: " l 0 0", with: "").split(separator: " ").filter { !["M", "L", "l"].contains($0) }.compactMap { Double($0) }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }

    @Test func scalesTheLowestValueToTheBottomAndTheHighestToTheTop() {
        let chart = ForecastChart(history: Self.weeks(4), periods: Self.weeks(2, from: 4), actuals: [0, 50, 100, 50], forecast: [60, 70])
        #expect(chart.scale.lower <= 0 && chart.scale.upper >= 100)
        #expect(ForecastChart.plot.y(chart.scale.lower, on: chart.scale) == ForecastChart.plot.bottom)
        #expect(ForecastChart.plot.y(chart.scale.upper, on: chart.scale) == ForecastChart.plot.top)
        let actuals = Self.points(chart.actualsPath)
        #expect(actuals.map(\.0) == [0, 1, 2, 3].map { (ForecastChart.plot.x(column: $0, of: 6) * 10).rounded() / 10 })
        #expect(actuals[0].1 > actuals[1].1 && actuals[1].1 > actuals[2].1, "a larger value is higher up")
        #expect(actuals[1].1 == actuals[3].1)
        #expect(actuals.first?.0 == ForecastChart.plot.left)
        let forecast = Self.points(chart.forecastPath)
        #expect(forecast.count == 3, "the forecast starts at the last actual")
        #expect(forecast.first?.0 == actuals.last?.0 && forecast.first?.1 == actuals.last?.1)
        #expect(forecast.last?.0 == ForecastChart.plot.right)
        #expect(chart.forecastStart > actuals[3].0 && chart.forecastStart < forecast[1].0)
        #expect(chart.yTicks.map(\.label) == ["0", "25", "50", "75", "100"])
        Self.expectFiniteAndInside(chart)
    }

    @Test func anEmptyChartHasNoLinesAndFiniteAxes() {
        let chart = ForecastChart(history: [], periods: [], actuals: [], forecast: [])
        #expect(chart.actualsPath.isEmpty && chart.forecastPath.isEmpty && chart.bandPoints.isEmpty && chart.planPath.isEmpty)
        #expect(chart.xTicks.isEmpty)
        #expect(!chart.yTicks.isEmpty)
        Self.expectFiniteAndInside(chart)
    }

    @Test func aConstantSeriesSitsInTheMiddle() {
        for value in [0.0, 7, -3, 1e9] {
            let chart = ForecastChart(history: Self.weeks(5), periods: Self.weeks(2, from: 5), actuals: Array(repeating: value, count: 5), forecast: [value, value])
            #expect(chart.scale.lower < value && chart.scale.upper > value, "\(value)")
            let ys = Set(Self.points(chart.actualsPath + " " + chart.forecastPath).map(\.1))
            #expect(ys.count == 1, "\(value)")
            let y = ys.first ?? 0
            #expect(y > ForecastChart.plot.top && y < ForecastChart.plot.bottom, "\(value)")
            Self.expectFiniteAndInside(chart)
        }
    }

    @Test func negativeValuesAreBelowZero() {
        let chart = ForecastChart(history: Self.weeks(3), periods: Self.weeks(1, from: 3), actuals: [-200, 0, 300], forecast: [-50], lower: [-400], upper: [100])
        #expect(chart.scale.lower <= -400 && chart.scale.upper >= 300)
        #expect(chart.yTicks.contains { $0.label == "0" })
        let ys = Self.points(chart.actualsPath).map(\.1)
        #expect(ys[0] > ys[1] && ys[1] > ys[2])
        #expect(chart.yTicks.first?.label.hasPrefix("-") == true)
        Self.expectFiniteAndInside(chart)
    }

    @Test func missingActualsBreakTheLineAndALonePointStillShows() {
        let chart = ForecastChart(history: Self.weeks(6), periods: Self.weeks(1, from: 6), actuals: [1, 2, nil, 4, nil, nil], forecast: [5])
        #expect(chart.actualsPath.components(separatedBy: "M ").count - 1 == 2)
        #expect(chart.actualsPath.hasSuffix(" l 0 0"), "\(chart.actualsPath)")
        #expect(chart.forecastPath.components(separatedBy: "M ").count - 1 == 1)
        #expect(chart.forecastPath.hasSuffix(" l 0 0"), "the last actual is missing, so the forecast starts alone: \(chart.forecastPath)")
        Self.expectFiniteAndInside(chart)
    }

    @Test func valuesThatAreNotFiniteAreLeftOutAndHugeOnesStayFinite() {
        let chart = ForecastChart(
            history: Self.weeks(4), periods: Self.weeks(2, from: 4), actuals: [.nan, .infinity, 3, -.infinity], forecast: [.nan, 4],
            lower: [.nan, 1], upper: [2, .infinity], plan: [nil, .nan, 1, 2, 3, .infinity])
        #expect(Self.points(chart.actualsPath).count == 1)
        #expect(chart.bandPoints.isEmpty, "one finite pair is not a band")
        Self.expectFiniteAndInside(chart)
        let huge = ForecastChart(
            history: Self.weeks(2), periods: Self.weeks(1, from: 2), actuals: [-.greatestFiniteMagnitude, .greatestFiniteMagnitude],
            forecast: [.greatestFiniteMagnitude], lower: [-.greatestFiniteMagnitude], upper: [.greatestFiniteMagnitude])
        Self.expectFiniteAndInside(huge)
        let tiny = ForecastChart(history: Self.weeks(2), periods: [], actuals: [1e-300, 2e-300], forecast: [])
        Self.expectFiniteAndInside(tiny)
    }

    @Test func showsTheLastHistoryPeriodsAndAlignsThePlan() {
        let history = Self.weeks(40)
        let plan: [Double?] = (0..<43).map { Double($0) }
        let chart = ForecastChart(
            history: history, periods: Self.weeks(3, from: 40), actuals: (0..<40).map { Double($0) }, forecast: [40, 41, 42], lower: [39, 39, 39],
            upper: [41, 43, 45], plan: plan)
        #expect(chart.columns.count == 26 + 3)
        #expect(chart.columns.first == history[14])
        #expect(chart.columns.last == "2026-W42")
        #expect(chart.scale.lower <= 14 && chart.scale.lower > 0, "only the shown history counts")
        let planPoints = Self.points(chart.planPath)
        let actualPoints = Self.points(chart.actualsPath)
        #expect(planPoints.count == 29)
        #expect(Array(planPoints.prefix(26)).map(\.1) == actualPoints.map(\.1), "the plan's history part is the actuals here")
        #expect(Self.points(chart.bandPoints.replacingOccurrences(of: ",", with: " ")).count == 6)
        #expect(chart.xTicks.count <= 6 && chart.xTicks.first?.label == history[14])
        Self.expectFiniteAndInside(chart)
    }

    @Test func labelsUseOneUnitAndTheStepsDecimals() {
        #expect(ChartNumberText.axisLabels([0, 500_000, 1_000_000], step: 500_000) == ["0", "0.5M", "1.0M"])
        #expect(ChartNumberText.axisLabels([0, 2500, 5000], step: 2500) == ["0", "2.5k", "5.0k"])
        #expect(ChartNumberText.axisLabels([0, 0.25, 0.5], step: 0.25) == ["0", "0.25", "0.50"])
        #expect(ChartNumberText.axisLabels([-20, 0, 20], step: 20) == ["-20", "0", "20"])
        #expect(ChartNumberText.axisLabels([0.1 * 3 - 0.3, 0.3], step: 0.3) == ["0", "0.3"])
    }
}
