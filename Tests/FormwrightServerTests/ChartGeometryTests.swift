import Foundation
import Testing

@testable import FormwrightServer

/// The charts' geometry: round ticks, zero on the axis, bars and lines inside the plot, and no NaN
/// or infinity for empty, constant, negative or non-finite data.
@Suite struct ChartGeometryTests {
    static let awkward: [[Double?]] = [
        [], [nil, nil], [0, 0, 0], [5, 5, 5], [-3, -3], [-7, 12.5, 3], [.nan, 2, .infinity, -.infinity],
        [1e308, -1e308], [1e-300, 2e-300], [0.1, 0.2, 0.30000000000000004], [Double.greatestFiniteMagnitude],
    ]

    @Test func theScaleHoldsZeroAndTheValuesWithRoundTicks() {
        let scale = ChartScale(values: [-3, 12.5])
        #expect(scale.lower == -5)
        #expect(scale.upper == 15)
        #expect(scale.ticks == [-5, 0, 5, 10, 15])
        #expect(scale.position(15, from: 200, to: 20) == 20)
        #expect(scale.position(-5, from: 200, to: 20) == 200)
        #expect(scale.position(0, from: 200, to: 20) == 155)
        #expect(ChartScale(values: [830, 1200]).ticks == [0, 250, 500, 750, 1000, 1250])
        #expect(ChartScale(values: [0.42]).ticks.last == 0.5)
    }

    @Test func emptyAndConstantDataMakeAnAxisFromZero() {
        for values: [Double] in [[], [0, 0], [.nan]] {
            let scale = ChartScale(values: values)
            #expect(scale.lower == 0 && scale.upper == 1, "\(values)")
        }
        let constant = ChartScale(values: [5, 5])
        #expect(constant.lower == 0 && constant.upper == 5)
        let negative = ChartScale(values: [-4, -4])
        #expect(negative.lower == -4 && negative.upper == 0)
    }

    @Test func aScaleWithoutZeroFitsTheValuesAlone() {
        let scale = ChartScale(values: [830, 1200], tickCount: 4, includingZero: false)
        #expect(scale.ticks == [800, 900, 1000, 1100, 1200])
        #expect(scale.step == 100)
        let constant = ChartScale(values: [7, 7], tickCount: 4, includingZero: false)
        #expect(constant.lower == 6 && constant.upper == 8, "equal values are padded to sit in the middle")
        let zeros = ChartScale(values: [0, 0], tickCount: 4, includingZero: false)
        #expect(zeros.lower == -1 && zeros.upper == 1)
        let empty = ChartScale(values: [.nan], tickCount: 4, includingZero: false)
        #expect(empty.ticks == [0, 0.25, 0.5, 0.75, 1])
    }

    @Test func barsAndLinesShareTheirAxes() {
        let series = [ChartSeries(name: nil, values: [-3, 12.5], labels: ["-3", "12.5"])]
        let axes = ChartAxes(categories: ["a", "b"], series: series) { Double($0) }
        #expect(axes.scale == ChartScale(values: [-3, 12.5]))
        #expect(axes.zero == ChartFrame.plot.y(0, on: axes.scale))
        #expect(axes.categoryTicks == [ChartTick(position: 0, label: "a"), ChartTick(position: 1, label: "b")])
        let bars = BarChart(categories: ["a", "b"], series: series)
        let lines = LineChart(categories: ["a", "b"], series: series)
        #expect(bars.axes.valueTicks == axes.valueTicks && lines.axes.valueTicks == axes.valueTicks)
        #expect(bars.axes.zero == axes.zero && lines.axes.zero == axes.zero)
        #expect(lines.lines[0].dots.map(\.y) == [axes.y(-3), axes.y(12.5)])
        #expect(lines.axes.categoryTicks.map(\.position) == [ChartFrame.plot.left, ChartFrame.plot.right])
    }

    @Test(arguments: awkward)
    func everyCoordinateIsFiniteAndInsideTheBox(values: [Double?]) {
        let categories = values.indices.map { "c\($0)" }
        let series = [ChartSeries(name: nil, values: values, labels: values.map { "\(String(describing: $0))" })]
        let bars = BarChart(categories: categories, series: series)
        for bar in bars.bars {
            for number in [bar.x, bar.y, bar.width, bar.height] { #expect(number.isFinite, "\(values)") }
            #expect(bar.y >= ChartFrame.plot.top - 0.001 && bar.y + bar.height <= ChartFrame.plot.bottom + 0.001, "\(values)")
            #expect(bar.x >= ChartFrame.plot.left && bar.x + bar.width <= ChartFrame.plot.right, "\(values)")
        }
        #expect(bars.bars.count == values.filter { $0?.isFinite == true }.count)
        let lines = LineChart(categories: categories, series: series)
        for dot in lines.lines.flatMap(\.dots) {
            #expect(dot.x.isFinite && dot.y.isFinite, "\(values)")
            #expect(dot.y >= ChartFrame.plot.top - 0.001 && dot.y <= ChartFrame.plot.bottom + 0.001, "\(values)")
        }
        for path in lines.lines.map(\.path) {
            #expect(!path.contains("nan") && !path.contains("inf"), "\(path)")
        }
        for tick in bars.axes.valueTicks + bars.axes.categoryTicks + lines.axes.valueTicks + lines.axes.categoryTicks {
            #expect(tick.position.isFinite, "\(values)")
            #expect(!tick.label.contains("nan") && !tick.label.contains("inf"), "\(tick.label)")
        }
        #expect(bars.axes.zero.isFinite && lines.axes.zero.isFinite)
    }

    @Test func negativeBarsHangBelowTheZeroLine() {
        let chart = BarChart(
            categories: ["a", "b"], series: [ChartSeries(name: nil, values: [10, -5], labels: ["10", "-5"])])
        #expect(chart.bars.count == 2)
        let up = chart.bars[0]
        let down = chart.bars[1]
        #expect(abs(up.y + up.height - chart.axes.zero) < 1e-9)
        #expect(abs(down.y - chart.axes.zero) < 1e-9)
        #expect(down.height > 0 && up.height > 0)
        #expect(abs(up.height / down.height - 2) < 1e-9)
        #expect(up.tooltip == "a: 10")
    }

    @Test func groupedBarsSitSideBySideInTheirCategory() {
        let chart = BarChart(
            categories: ["east", "west"],
            series: [
                ChartSeries(name: "won", values: [1, 2], labels: ["1", "2"]), ChartSeries(name: "lost", values: [3, nil], labels: ["3", ""]),
            ])
        #expect(chart.bars.map(\.series) == [0, 1, 0])
        #expect(chart.bars[0].x < chart.bars[1].x && chart.bars[1].x < chart.bars[2].x)
        #expect(chart.bars[1].tooltip == "east · lost: 3")
        #expect(chart.axes.categoryTicks.map(\.label) == ["east", "west"])
    }

    @Test func aLineBreaksWhereAValueIsMissing() {
        let chart = LineChart(
            categories: ["w1", "w2", "w3", "w4"], series: [ChartSeries(name: "east", values: [1, 2, nil, 4], labels: ["1", "2", "", "4"])])
        let path = chart.lines[0].path
        #expect(path.hasPrefix("M 64.0 "))
        #expect(path.components(separatedBy: "M ").count - 1 == 2)
        #expect(path.components(separatedBy: "L ").count - 1 == 1)
        #expect(chart.lines[0].dots.count == 3)
        #expect(chart.lines[0].dots.last?.x == ChartFrame.plot.right)
        #expect(chart.lines[0].dots.first?.tooltip == "w1 · east: 1")
        let single = LineChart(categories: ["only"], series: [ChartSeries(name: nil, values: [3], labels: ["3"])])
        #expect(single.lines[0].dots.first?.x == (ChartFrame.plot.left + ChartFrame.plot.right) / 2)
    }

    @Test func manyCategoriesGetAFewLabelsTheLastIncluded() {
        let categories = (0..<52).map { "week \($0)" }
        let chart = LineChart(categories: categories, series: [])
        #expect(chart.axes.categoryTicks.count <= ChartFrame.maximumCategoryLabels)
        #expect(chart.axes.categoryTicks.last?.label == "week 51")
        #expect(ChartFrame.shortLabel("a very long category label") == "a very long c…")
    }

    @Test func numbersAreShortOnTheAxis() {
        #expect(ChartNumberText.compact(0) == "0")
        #expect(ChartNumberText.compact(2.5) == "2.5")
        #expect(ChartNumberText.compact(1260) == "1.3k")
        #expect(ChartNumberText.compact(-3_000_000) == "-3M")
        #expect(ChartNumberText.compact(0.25) == "0.25")
        #expect(DashboardNumberText.text(.string("-1234567.50")) == "-1,234,567.50")
        #expect(DashboardNumberText.text(.int(12345)) == "12,345")
        #expect(DashboardNumberText.text(.null) == "—")
        #expect(DashboardNumberText.change(0.125) == "+12.5 %")
    }
}
