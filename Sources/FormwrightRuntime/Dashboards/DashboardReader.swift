import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions
import FormwrightStorage

/// Reads a dashboard's tiles from the store: figures and charts as aggregates the backend computes
/// itself, record lists as queries, each narrowed by the tile's filter and window.
struct DashboardReader: Sendable {
    let app: AppDefinition
    let dashboard: DashboardDefinition
    let locales: [String]
    let plans: [TilePlan]

    /// What one tile asks of the store.
    struct TilePlan: Sendable {
        let tile: DashboardTile
        let table: TableDefinition
        let title: String
        /// The filter as a backend condition; nil for none.
        let filter: RecordCondition?
        let window: (span: DashboardSpan, condition: RecordCondition)?
        let previous: (span: DashboardSpan, condition: RecordCondition)?
        let timeline: ForecastTimeline?

        func condition(_ window: RecordCondition?) -> RecordCondition? {
            let parts = [filter, window].compactMap { $0 }
            return parts.isEmpty ? nil : parts.count == 1 ? parts[0] : .all(parts)
        }
    }

    /// Prepares every tile; a filter the store cannot evaluate whole is refused, naming the tile.
    init(app: AppDefinition, dashboard: DashboardDefinition, locales: [String], context: EvaluationContext, values: ExpressionValues) throws {
        self.app = app
        self.dashboard = dashboard
        self.locales = locales
        // Only a window needs the calendar; a zone it refuses fails just the tiles with one.
        let calendar = try? PeriodCalendar(timeZone: app.timezone)
        let programs = app.expressions.dashboards[dashboard.name.value]?.filters ?? []
        plans = try dashboard.tiles.enumerated().map { index, tile in
            let owner = "dashboard '\(dashboard.name.value)', tile \(index + 1)"
            guard let table = app.table(named: tile.table.value) else {
                throw RuntimeError(.badRequest, "\(owner): table '\(tile.table.value)' does not exist")
            }
            var filter: RecordCondition?
            if let program = index < programs.count ? programs[index] : nil {
                filter = try FilterTranslator(table: table, program: program, values: values, context: context)
                    .wholeCondition("\(owner): its 'filter'", soTheStoreCan: "compute the tile")
            }
            var timeline: ForecastTimeline?
            if case .period(_, let period)? = tile.groupBy { timeline = ForecastTimeline(period: ForecastReader.datePeriod(period)) }
            var window: (span: DashboardSpan, condition: RecordCondition)?
            var previous: (span: DashboardSpan, condition: RecordCondition)?
            if let written = tile.window, let field = table.field(named: written.date.value) {
                let line = ForecastTimeline(period: ForecastReader.datePeriod(written.period))
                guard let calendar else {
                    throw RuntimeError(.badRequest, "\(owner): the app's time zone '\(app.timezone)' cannot make periods; name an IANA zone")
                }
                guard let current = line.ordinal(at: context.now, calendar: calendar) else {
                    throw RuntimeError(.badRequest, "\(owner): the moment \(context.now.rfc3339) has no period")
                }
                let back = written.includesCurrent ? 0 : 1
                let span = DashboardSpan(timeline: line, current: current, count: written.count.value, periodsBack: back)
                window = (span, try Self.condition(span, field: field, values: values, owner: owner))
                if tile.comparesWithPrevious {
                    let before = DashboardSpan(
                        timeline: line, current: current, count: written.count.value, periodsBack: back + written.count.value)
                    previous = (before, try Self.condition(before, field: field, values: values, owner: owner))
                }
            }
            return TilePlan(
                tile: tile, table: table, title: tile.title?.resolve(for: locales) ?? Self.defaultTitle(tile), filter: filter,
                window: window, previous: previous, timeline: timeline)
        }
    }

    /// Every tile, in one read transaction.
    func read(_ transaction: any ReadTransaction) throws -> [DashboardTileResult] {
        try plans.map { plan in
            let content: DashboardTileResult.Content
            switch plan.tile.kind.value {
            case .kpi: content = .figure(try figure(plan, transaction))
            case .bar, .line: content = .chart(try chart(plan, transaction))
            case .table: content = .records(try records(plan, transaction))
            }
            return DashboardTileResult(
                kind: plan.tile.kind.value, title: plan.title, table: plan.table.name.value, measure: plan.tile.measure?.text,
                window: plan.window?.span, content: content)
        }
    }

    /// `sum(amount) by week(closed_at)`, `count`, the table's name for a table tile.
    static func defaultTitle(_ tile: DashboardTile) -> String {
        guard let measure = tile.measure else { return tile.table.value }
        var title = measure.text
        if let by = tile.groupBy { title += " by \(by.text)" }
        if let split = tile.split { title += " and \(split.value)" }
        return title
    }

    /// The condition that a date or datetime field falls in a span, as the field stores it.
    private static func condition(_ span: DashboardSpan, field: FieldDefinition, values: ExpressionValues, owner: String) throws -> RecordCondition {
        let name = field.name.value
        if field.type == .date { return .all([.compare(name, .greaterOrEqual, .text(span.from)), .compare(name, .less, .text(span.end))]) }
        guard let first = CalendarDate(span.from), let after = CalendarDate(span.end),
            let lower = ColumnType.microseconds(values.startOfDay(first)), let upper = ColumnType.microseconds(values.startOfDay(after))
        else { throw RuntimeError(.badRequest, "\(owner): the window \(span.from) to \(span.to) lies outside the dates the store keeps") }
        return .all([.compare(name, .greaterOrEqual, .integer(lower)), .compare(name, .less, .integer(upper))])
    }

    // MARK: Figures

    private func figure(_ plan: TilePlan, _ transaction: any ReadTransaction) throws -> DashboardFigure {
        guard let measure = plan.tile.measure else { return DashboardFigure(value: .empty, previous: nil, previousWindow: nil) }
        func total(_ window: RecordCondition?) throws -> DashboardNumber {
            let query = AggregateQuery(
                table: plan.table.name.value, condition: plan.condition(window), measures: Self.storeMeasures(measure), timeZone: app.timezone)
            let row = try transaction.aggregate(query).first
            return number(row?.values ?? [], measure, plan.table)
        }
        let value = try total(plan.window?.condition)
        guard let previous = plan.previous else { return DashboardFigure(value: value, previous: nil, previousWindow: nil) }
        return DashboardFigure(value: value, previous: try total(previous.condition), previousWindow: previous.span)
    }

    /// What the store computes for a measure: a ratio is two sums.
    static func storeMeasures(_ measure: DashboardMeasure) -> [AggregateMeasure] {
        switch measure {
        case .count: [.count]
        case .sum(let field): [.sum(field.value)]
        case .average(let field): [.average(field.value)]
        case .ratio(let numerator, let denominator): [.sum(numerator.value), .sum(denominator.value)]
        }
    }

    /// A measure's figure from the store's values; a count or sum of no records is 0.
    func number(_ stored: [ColumnValue], _ measure: DashboardMeasure, _ table: TableDefinition) -> DashboardNumber {
        let first = stored.first ?? .null
        switch measure {
        case .count:
            guard case .integer(let count) = first else { return DashboardNumber(number: 0, value: .int(0)) }
            return DashboardNumber(number: Double(count), value: .int(count))
        case .sum(let name):
            guard let field = table.field(named: name.value) else { return .empty }
            let number = ForecastReader.number(first, field: field) ?? 0
            switch (field.type, first) {
            case (.money, .integer(let minor)): return DashboardNumber(number: number, value: .string(MoneyText.format(minor, scale: field.scale)))
            case (.money, _): return DashboardNumber(number: 0, value: .string(MoneyText.format(0, scale: field.scale)))
            case (.integer, .integer(let whole)): return DashboardNumber(number: number, value: .int(whole))
            case (.integer, _): return DashboardNumber(number: 0, value: .int(0))
            default: return DashboardNumber(number: number, value: .double(number))
            }
        case .average(let name):
            guard let field = table.field(named: name.value), let number = ForecastReader.number(first, field: field), number.isFinite else {
                return .empty
            }
            if field.type == .money { return DashboardNumber(number: number, value: .string(String(format: "%.\(field.scale)f", number))) }
            return DashboardNumber(number: number, value: .double(number))
        case .ratio(let numerator, let denominator):
            let second = stored.count > 1 ? stored[1] : .null
            let top = ForecastReader.number(first, field: table.field(named: numerator.value)) ?? 0
            guard let bottom = ForecastReader.number(second, field: table.field(named: denominator.value)), bottom != 0 else { return .empty }
            let ratio = top / bottom
            return ratio.isFinite ? DashboardNumber(number: ratio, value: .double(ratio)) : .empty
        }
    }
}
