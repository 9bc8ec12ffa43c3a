import FormwrightCore
import FormwrightDefinition
import FormwrightStorage

extension DashboardReader {
    /// A chart's measure per category and series, in one aggregate grouped by the category and the split field.
    ///
    /// Periods run without gaps — over the window, or from the first to the last period with
    /// records — and a period without records counts 0 (a count or sum) or has no value (an
    /// average or ratio). A choice field's values come in the order of its options; records
    /// without a value come last.
    func chart(_ plan: TilePlan, _ transaction: any ReadTransaction) throws -> DashboardChartData {
        let table = plan.table
        guard let measure = plan.tile.measure, let by = plan.tile.groupBy else {
            return DashboardChartData(by: "", split: nil, byPeriod: false, categories: [], series: [], omittedCategories: 0, omittedSeries: 0)
        }
        var groups: [AggregateGroup]
        switch by {
        case .field(let field): groups = [.field(field.value)]
        case .period(let field, let period): groups = [.period(field.value, ForecastReader.datePeriod(period))]
        }
        let split = plan.tile.split
        if let split { groups.append(.field(split.value)) }
        let query = AggregateQuery(
            table: table.name.value, condition: plan.condition(plan.window?.condition), groups: groups,
            measures: Self.storeMeasures(measure), timeZone: app.timezone)
        let rows = try transaction.aggregate(query)
        let byField = table.field(named: by.field.value)
        let splitField = split.flatMap { table.field(named: $0.value) }

        var cells: [Key: [Key: DashboardNumber]] = [:]
        var categoryKeys: [Key] = []
        var seriesKeys: [Key] = []
        var ordinals: [Int] = []
        for row in rows {
            var category = Key(ForecastReader.keyText(row.keys.first ?? .null, field: byField))
            if let timeline = plan.timeline {
                guard let text = category.text, let ordinal = timeline.ordinal(of: text) else { continue }
                ordinals.append(ordinal)
                category = Key(timeline.start(of: ordinal))
            }
            let series = split == nil ? Key(nil) : Key(ForecastReader.keyText(row.keys.count > 1 ? row.keys[1] : .null, field: splitField))
            if cells[category] == nil { categoryKeys.append(category) }
            if !seriesKeys.contains(series) { seriesKeys.append(series) }
            cells[category, default: [:]][series] = number(row.values, measure, table)
        }

        var omittedCategories = 0
        if let timeline = plan.timeline {
            let span = plan.window?.span.ordinals ?? ordinals.min().flatMap { low in ordinals.max().map { low...$0 } }
            categoryKeys = []
            if let span {
                let most = DashboardChartData.maximumCategories
                let shown = span.count > most ? (span.upperBound - most + 1)...span.upperBound : span
                omittedCategories = span.count - shown.count
                categoryKeys = shown.map { Key(timeline.start(of: $0)) }
            }
        } else {
            categoryKeys = Self.ordered(categoryKeys, field: byField)
            omittedCategories = max(0, categoryKeys.count - DashboardChartData.maximumCategories)
            categoryKeys = Array(categoryKeys.prefix(DashboardChartData.maximumCategories))
        }
        if split == nil { seriesKeys = [Key(nil)] }
        seriesKeys = Self.ordered(seriesKeys, field: splitField)
        let omittedSeries = max(0, seriesKeys.count - DashboardChartData.maximumSeries)
        seriesKeys = Array(seriesKeys.prefix(DashboardChartData.maximumSeries))
        let none = number([], measure, table)
        let series = seriesKeys.map { key in
            DashboardSeries(name: key.text, values: categoryKeys.map { cells[$0]?[key] ?? none })
        }
        return DashboardChartData(
            by: by.text, split: split?.value, byPeriod: plan.timeline != nil, categories: categoryKeys.map(\.text), series: series,
            omittedCategories: omittedCategories, omittedSeries: omittedSeries)
    }

    /// A category or series key: a value as text, or nil for records without one.
    struct Key: Hashable {
        let text: String?
        init(_ text: String?) { self.text = text }
    }

    /// Keys in the order a chart shows them: a choice field's options first in their order, other
    /// values as the store sorted them, records without a value last.
    static func ordered(_ keys: [Key], field: FieldDefinition?) -> [Key] {
        let options = field?.type == .choice ? field?.options.map(\.value) ?? [] : []
        let present = keys.filter { $0.text != nil }
        let optionKeys = options.map { Key($0) }.filter { present.contains($0) }
        let others = present.filter { !optionKeys.contains($0) }
        return optionKeys + others + keys.filter { $0.text == nil }
    }
}
