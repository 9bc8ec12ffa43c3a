import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions
import FormwrightStorage
import Foundation

/// Reads what a forecast needs from the store as aggregates the backend computes itself: the
/// target by group and period, each driver and the plan by their groups and period, and for a
/// weighted pipeline the open opportunities by stage.
struct ForecastReader: Sendable {
    let app: AppDefinition
    let forecast: ForecastDefinition
    let timeline: ForecastTimeline
    /// The target table's filter and the pipeline's `open`, as backend conditions.
    let filter: RecordCondition?
    let open: RecordCondition?

    /// Prepares the reader; a target filter or `open` condition the backend cannot evaluate whole is refused.
    init(app: AppDefinition, forecast: ForecastDefinition, context: EvaluationContext) throws {
        self.app = app
        self.forecast = forecast
        timeline = ForecastTimeline(period: Self.datePeriod(forecast.period.value))
        guard let table = app.table(named: forecast.target.table.value) else {
            throw RuntimeError(.badRequest, "forecast '\(forecast.name.value)': table '\(forecast.target.table.value)' does not exist")
        }
        let compiled = app.expressions.forecasts[forecast.name.value]
        let values = ExpressionValues(timezone: app.timezone)
        func condition(_ program: Program?, key: String) throws -> RecordCondition? {
            guard let program else { return nil }
            return try FilterTranslator(table: table, program: program, values: values, context: context)
                .wholeCondition("forecast '\(forecast.name.value)': its '\(key)'", soTheStoreCan: "group the records")
        }
        filter = try condition(compiled?.filter, key: "filter")
        open = try condition(compiled?.open, key: "open")
    }

    static func datePeriod(_ period: FormwrightDefinition.ForecastPeriod) -> DatePeriod {
        switch period {
        case .day: .day
        case .week: .week
        case .month: .month
        }
    }

    /// The most rows one of a forecast's aggregates may return: groups × periods (× stages for a
    /// pipeline), far above what a dashboard of forecasts needs and small enough to hold in memory.
    static let maximumRows = 1_000_000

    /// Everything the forecast reads, in one read transaction so that the parts agree.
    func read(_ transaction: any ReadTransaction) throws -> ForecastData {
        var data = ForecastData()
        let target = forecast.target
        let by = target.groupBy.map(\.value)
        if let pipeline = forecast.baseline.pipeline {
            let (stageGroup, probability) = Self.stageGrouping(pipeline)
            let closed = open.map { RecordCondition.not($0) }
            for row in try aggregate(target.table.value, by: by + [stageGroup], date: target.date.value, measures: [measure(target.measure), .count], condition: closed) {
                let p = probability(row.keys[by.count])
                guard let ordinal = row.ordinal, let amount = row.numbers[0] else { continue }
                data.target[row.key(by.count), default: [:]][ordinal, default: ForecastData.Cell(numerator: 0)].numerator += amount * p
            }
            if let open {
                for row in try aggregate(target.table.value, by: by + [stageGroup], date: target.date.value, measures: [measure(target.measure), .count], condition: open) {
                    guard let ordinal = row.ordinal, let amount = row.numbers[0], let count = row.numbers[1], count >= 1 else { continue }
                    let stage = row.keys[by.count] ?? ""
                    data.pipeline[row.key(by.count), default: [:]][ordinal, default: ForecastData.PipelineCell()].opportunities.append(
                        (amount / count, stage, Int(count)))
                }
            }
        } else {
            let measures: [AggregateMeasure] =
                switch target.measure {
                case .count: [.count]
                case .sum(let field): [.sum(field.value)]
                case .ratio(let numerator, let denominator): [.sum(numerator.value), .sum(denominator.value)]
                }
            for row in try aggregate(target.table.value, by: by, date: target.date.value, measures: measures, condition: filter) {
                guard let ordinal = row.ordinal else { continue }
                var cell = ForecastData.Cell(numerator: row.numbers[0] ?? 0)
                if case .ratio = target.measure { cell.denominator = row.numbers[1] ?? 0 }
                data.target[row.key(by.count), default: [:]][ordinal] = cell
            }
        }
        for driver in forecast.drivers {
            let driverBy = driver.groupBy.map(\.value)
            var values: [ForecastData.Key: [Int: Double]] = [:]
            for row in try aggregate(driver.table.value, by: driverBy, date: driver.date.value, measures: [.average(driver.value.value)], condition: nil) {
                guard let ordinal = row.ordinal, let value = row.numbers[0] else { continue }
                values[row.key(driverBy.count), default: [:]][ordinal] = value
            }
            data.drivers[driver.name.value] = values
        }
        if let plan = forecast.plan {
            let planBy = plan.groupBy.map(\.value)
            var values: [ForecastData.Key: [Int: Double]] = [:]
            for row in try aggregate(plan.table.value, by: planBy, date: plan.date.value, measures: [.sum(plan.value.value)], condition: nil) {
                guard let ordinal = row.ordinal, let value = row.numbers[0] else { continue }
                values[row.key(planBy.count), default: [:]][ordinal] = value
            }
            data.plan = values
        }
        return data

        func aggregate(
            _ tableName: String, by: [String], date: String, measures: [AggregateMeasure], condition: RecordCondition?
        ) throws -> [Row] {
            guard let table = app.table(named: tableName) else { return [] }
            let query = AggregateQuery(
                table: tableName, condition: condition, groups: by.map(AggregateGroup.field) + [.period(date, timeline.period)],
                measures: measures, timeZone: app.timezone, groupLimit: Self.maximumRows)
            let measured = measures.map { measure -> FieldDefinition? in
                switch measure {
                case .count: nil
                case .sum(let name), .average(let name), .minimum(let name), .maximum(let name): table.field(named: name)
                }
            }
            return try transaction.aggregate(query).map { row in
                Row(
                    keys: by.enumerated().map { index, name in Self.keyText(row.keys[index], field: table.field(named: name)) },
                    ordinal: row.keys.last.flatMap { if case .text(let text) = $0 { timeline.ordinal(of: text) } else { nil } },
                    numbers: zip(row.values, measured).map { Self.number($0, field: $1) })
            }
        }
    }

    func measure(_ measure: ForecastMeasure) -> AggregateMeasure {
        switch measure {
        case .count: .count
        case .sum(let field): .sum(field.value)
        case .ratio(let numerator, _): .sum(numerator.value)
        }
    }

    /// One aggregate row: the group's key texts, the period's ordinal and the measures as numbers.
    struct Row {
        var keys: [String?]
        var ordinal: Int?
        var numbers: [Double?]

        func key(_ count: Int) -> ForecastData.Key { Array(keys.prefix(count)) }
    }

    /// What a pipeline groups opportunities by, and the probability of each group's key.
    static func stageGrouping(_ pipeline: ForecastPipeline) -> (String, (String?) -> Double) {
        switch pipeline.source {
        case .stages(let field, let probabilities):
            let table = Dictionary(probabilities.map { ($0.stage.value, $0.probability) }, uniquingKeysWith: { first, _ in first })
            return (field.value, { $0.flatMap { table[$0] } ?? 0 })
        case .field(let field):
            return (field.value, { $0.flatMap(Double.init).map { min(max($0, 0), 1) } ?? 0 })
        }
    }

    /// A stored group key as text: choices and text as they are, numbers in decimal, booleans as words.
    static func keyText(_ value: ColumnValue, field: FieldDefinition?) -> String? {
        switch value {
        case .null: nil
        case .text(let text): text
        case .integer(let number): field?.type == .boolean ? (number != 0 ? "true" : "false") : String(number)
        case .real(let number): String(number)
        }
    }

    /// A stored measure as a number in the field's units (money from minor units).
    static func number(_ value: ColumnValue, field: FieldDefinition?) -> Double? {
        let number: Double
        switch value {
        case .null: return nil
        case .integer(let whole): number = Double(whole)
        case .real(let real): number = real
        case .text(let text):
            guard let parsed = Double(text) else { return nil }
            number = parsed
        }
        guard let field, field.type == .money else { return number }
        return number / pow(10, Double(field.scale))
    }
}
