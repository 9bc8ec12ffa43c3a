public import FormwrightCore
public import FormwrightDefinition

/// One computed tile of a dashboard.
public struct DashboardTileResult: Sendable {
    /// What the tile shows.
    public let kind: DashboardTile.Kind
    /// Its title for people: the one written, or one made from the measure and grouping.
    public let title: String
    /// The table it reads.
    public let table: String
    /// The measure as written in short form (`sum(amount)`); nil for a table tile.
    public let measure: String?
    /// The window of time its records fall in; nil for all time.
    public let window: DashboardSpan?
    /// The figure, chart or records.
    public let content: Content

    /// What a tile holds, by kind.
    public enum Content: Sendable {
        /// A `kpi` tile's figure.
        case figure(DashboardFigure)
        /// A `bar` or `line` tile's categories and series.
        case chart(DashboardChartData)
        /// A `table` tile's records.
        case records(DashboardRecords)
    }

    /// The tile as JSON: the common keys, then the kind's own.
    public var json: Value {
        var map = ValueMap([
            (.string("kind"), .string(kind.rawValue)), (.string("title"), .string(title)), (.string("table"), .string(table)),
        ])
        if let measure { map[.string("measure")] = .string(measure) }
        map[.string("window")] = window?.json ?? .null
        switch content {
        case .figure(let figure):
            map[.string("value")] = figure.value.value
            if let previous = figure.previous {
                map[.string("previous")] = previous.value
                map[.string("previous_window")] = figure.previousWindow?.json ?? .null
                map[.string("change")] = figure.change.map(Value.double) ?? .null
            }
        case .chart(let chart):
            map[.string("by")] = .string(chart.by)
            map[.string("split")] = chart.split.map(Value.string) ?? .null
            map[.string("categories")] = .list(chart.categories.map { $0.map(Value.string) ?? .null })
            map[.string("series")] = .list(chart.series.map { series in
                .map(ValueMap([
                    (.string("name"), series.name.map(Value.string) ?? .null), (.string("values"), .list(series.values.map(\.value))),
                ]))
            })
            map[.string("omitted_categories")] = .int(Int64(chart.omittedCategories))
            map[.string("omitted_series")] = .int(Int64(chart.omittedSeries))
        case .records(let records):
            map[.string("columns")] = .list(records.columns.map(Value.string))
            map[.string("records")] = .list(records.rows.map(\.object))
        }
        return .map(map)
    }
}

/// A `kpi` tile's figure, and when it compares, the previous window's.
public struct DashboardFigure: Sendable {
    /// The figure over the tile's window (or all records).
    public let value: DashboardNumber
    /// The figure over the window before, when the tile compares; nil otherwise.
    public let previous: DashboardNumber?
    /// The window before, when the tile compares.
    public let previousWindow: DashboardSpan?

    /// The relative change from the previous figure, `(value − previous) / |previous|`; nil
    /// without a comparison, when either figure is missing, or when the previous one is 0.
    public var change: Double? {
        guard let now = value.number, let before = previous?.number, before != 0 else { return nil }
        let change = (now - before) / abs(before)
        return change.isFinite ? change : nil
    }
}

/// A chart's categories along its axis and its series, one value per category each.
public struct DashboardChartData: Sendable {
    /// The grouping as written: `stage`, `week(closed_at)`.
    public let by: String
    /// The field splitting the chart into series; nil for one series.
    public let split: String?
    /// Whether the categories are periods (`YYYY-MM-DD` starts), in order without gaps.
    public let byPeriod: Bool
    /// The categories in order: a field's values as text, or the start of each period; nil for records without a value.
    public let categories: [String?]
    /// The series: one without a name when not split, else one per value of the split field.
    public let series: [DashboardSeries]
    /// Categories left out because a chart shows at most ``DashboardChartData/maximumCategories``
    /// (the last periods are kept; of field values, the first in order).
    public let omittedCategories: Int
    /// Series left out because a chart shows at most ``DashboardChartData/maximumSeries``.
    public let omittedSeries: Int

    /// The most categories a chart shows.
    public static let maximumCategories = 366
    /// The most series a chart shows.
    public static let maximumSeries = 12
}

/// One series of a chart.
public struct DashboardSeries: Sendable {
    /// The split field's value as text; nil for the only series of an unsplit chart, or for records without a value.
    public let name: String?
    /// The measure per category, in the order of the categories.
    public let values: [DashboardNumber]
}

/// A `table` tile's rows.
public struct DashboardRecords: Sendable {
    /// The fields shown, in order.
    public let columns: [String]
    /// The rows in order.
    public let rows: [Row]

    /// One record: its id, its values as JSON shows them and as text for a page.
    public struct Row: Sendable {
        /// The record's id.
        public let id: String
        /// `id` and the columns' values as JSON shows them.
        public let object: Value
        /// The columns' values as text for a page, in the order of the columns.
        public let texts: [String]
    }
}
