import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Foundation

/// The generated app and its data: `rows` opportunities over 20 regions and 52 weeks of history,
/// and 8 driver tables with one value per region and week over the history and the 4 weeks ahead.
///
/// Everything follows from a fixed seed, so the store and the CSV export hold the same data.
struct ForecastWorkload {
    static let groups = 20
    static let weeks = 52
    static let horizon = 4
    static let windows = 26
    static let movingAverageWindow = 4
    static let zScoreWindow = 13
    /// The weights the forecast uses, one per driver.
    static let weights = [0.08, -0.05, 0.04, 0.03, -0.06, 0.02, 0.05, -0.03]
    static let stages = ["prospect", "qualified", "proposal", "negotiation", "won", "lost"]
    /// The Monday the history starts on.
    static let firstDay = CalendarDay(year: 2025, month: 1, day: 6)
    /// The time the forecast is made: the Monday of the first week ahead, just after the history.
    static let now = Timestamp(seconds: Int64(firstDay.adding(7 * weeks).days) * 86_400 + 3_600)

    static func region(_ index: Int) -> String { "region_\(index < 9 ? "0" : "")\(index + 1)" }

    let rows: Int
    /// Per opportunity: its region, stage, amount in cents and the day (from ``firstDay``) it is expected to close.
    private(set) var region: [UInt8]
    private(set) var stage: [UInt8]
    private(set) var cents: [Int64]
    private(set) var day: [Int32]
    /// `driverValues[d][g][w]`: driver `d`'s value for region `g` in week `w`, over `weeks + horizon` weeks.
    let driverValues: [[[Double]]]

    init(rows: Int) {
        self.rows = rows
        var random = SplitMix(seed: 20_260_105)
        let weekCount = Self.weeks + Self.horizon
        var values: [[[Double]]] = []
        for d in Self.weights.indices {
            var byRegion: [[Double]] = []
            for g in 0..<Self.groups {
                var byWeek: [Double] = []
                for w in 0..<weekCount {
                    let cycle: Double = sin(2 * Double.pi * Double(w + 3 * g) / Double(6 + d))
                    byWeek.append(100 + 8 * cycle + 4 * (random.unit() - 0.5))
                }
                byRegion.append(byWeek)
            }
            values.append(byRegion)
        }
        driverValues = values
        // Each region's weekly level: a base, a 13-week cycle and the drivers' pull.
        let level: [[Double]] = (0..<Self.groups).map { g in
            (0..<Self.weeks).map { w in
                var pull = 0.0
                for d in Self.weights.indices { pull += Self.weights[d] * (values[d][g][w] - 100) / 5 }
                let base: Double = 2_000 + 150 * Double(g)
                let cycle: Double = 1 + 0.25 * sin(2 * Double.pi * Double(w) / 13)
                return base * cycle * exp(pull)
            }
        }
        region = []
        stage = []
        cents = []
        day = []
        region.reserveCapacity(rows)
        stage.reserveCapacity(rows)
        cents.reserveCapacity(rows)
        day.reserveCapacity(rows)
        for _ in 0..<rows {
            let g = random.below(Self.groups)
            let w = random.below(Self.weeks)
            region.append(UInt8(g))
            stage.append(UInt8(random.below(Self.stages.count)))
            day.append(Int32(7 * w + random.below(7)))
            cents.append(Int64((level[g][w] * (0.5 + random.unit()) * 100).rounded()))
        }
    }

    /// The id of opportunity `index`.
    static func id(_ index: Int) -> String { "opp-\(index)" }

    /// The app file: the tables and the one forecast.
    static var appYAML: String {
        let regions = (0..<groups).map(region).joined(separator: ", ")
        let driverTables = weights.indices.map { d in
            """
              driver_\(d + 1):
                fields:
                  region:  { type: choice, options: [\(regions)], required: true }
                  week_of: { type: date, required: true }
                  value:   { type: number, required: true }
            """
        }.joined(separator: "\n")
        let drivers = weights.enumerated().map { d, weight in
            "      d\(d + 1): { table: driver_\(d + 1), value: value, weight: \(weight), normalise: { method: zscore, window: \(zScoreWindow) } }"
        }.joined(separator: "\n")
        return """
            formwright: 1
            app: forecast-bench
            tables:
              opportunities:
                fields:
                  region:         { type: choice, options: [\(regions)], required: true }
                  stage:          { type: choice, options: [\(stages.joined(separator: ", "))], required: true }
                  amount:         { type: money, required: true, min: 0 }
                  expected_close: { type: date, required: true }
            \(driverTables)
            forecasts:
              revenue:
                target: { table: opportunities, measure: amount, date: expected_close, by: [region] }
                period: week
                horizon: \(horizon)
                baseline: { method: moving_average, window: \(movingAverageWindow) }
                drivers:
            \(drivers)
                combine: log_linear
                backtest: { windows: \(windows), metrics: [wape, mape, bias, mase] }
            """
    }

    /// Writes every opportunity and driver value into the store, `batch` records per write
    /// transaction, straight through the store's writes; returns the seconds it took.
    func fill(_ storage: any StorageBackend, app: String, revision: String, batch: Int = 50_000) async throws -> Double {
        let start = ContinuousClock.now
        for first in stride(from: 0, to: rows, by: batch) {
            let range = first..<min(first + batch, rows)
            let records = range.map { index in
                (
                    Self.id(index),
                    [
                        "region": Value.string(Self.region(Int(region[index]))), "stage": .string(Self.stages[Int(stage[index])]),
                        "amount": .int(cents[index]), "expected_close": .string(Self.firstDay.adding(Int(day[index])).text),
                    ]
                )
            }
            _ = try await storage.write(app: app) { transaction in
                for (id, fields) in records {
                    _ = try transaction.insert(table: "opportunities", id: id, fields: fields, revision: revision, now: Self.now)
                }
            }
        }
        for (d, byRegion) in driverValues.enumerated() {
            _ = try await storage.write(app: app) { transaction in
                for (g, values) in byRegion.enumerated() {
                    for (w, value) in values.enumerated() {
                        let fields: [String: Value] = [
                            "region": .string(Self.region(g)), "week_of": .string(Self.firstDay.adding(7 * w).text), "value": .double(value),
                        ]
                        _ = try transaction.insert(table: "driver_\(d + 1)", fields: fields, revision: revision, now: Self.now)
                    }
                }
            }
        }
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Writes `opportunities.csv` (id, region, stage, amount, expected_close) and `drivers.csv`
    /// (driver, region, week_of, value) into `folder`, the same data as the store.
    func export(to folder: URL) throws {
        var text = "id,region,stage,amount,expected_close\n"
        text.reserveCapacity(rows * 48)
        let dates = (0..<(7 * Self.weeks)).map { Self.firstDay.adding($0).text }
        let regions = (0..<Self.groups).map(Self.region)
        for index in 0..<rows {
            let amount = cents[index]
            let fraction = amount % 100
            text += "\(Self.id(index)),\(regions[Int(region[index])]),\(Self.stages[Int(stage[index])]),"
            text += "\(amount / 100).\(fraction < 10 ? "0" : "")\(fraction),\(dates[Int(day[index])])\n"
        }
        try text.write(to: folder.appendingPathComponent("opportunities.csv"), atomically: true, encoding: .utf8)
        var drivers = "driver,region,week_of,value\n"
        for (d, byRegion) in driverValues.enumerated() {
            for (g, values) in byRegion.enumerated() {
                for (w, value) in values.enumerated() { drivers += "d\(d + 1),\(regions[g]),\(Self.firstDay.adding(7 * w).text),\(value)\n" }
            }
        }
        try drivers.write(to: folder.appendingPathComponent("drivers.csv"), atomically: true, encoding: .utf8)
    }
}
