public import FormwrightCore

/// One tile of a dashboard: a figure (`kpi`), a bar or line chart, or a table of records.
public struct DashboardTile: Sendable {
    /// What a tile shows.
    public enum Kind: String, Sendable, CaseIterable {
        /// One number, optionally compared with the previous window.
        case kpi
        /// A measure per category (a field's values or periods), as bars.
        case bar
        /// A measure per category, as lines.
        case line
        /// Records of a table, as rows.
        case table
    }

    /// What the tile shows.
    public var kind: Located<Kind>
    /// How people see the tile; made from the measure and grouping when absent.
    public var title: LocalizedText?
    /// The table the tile reads.
    public var table: Located<String>
    /// What a `kpi`, `bar` or `line` tile measures; nil for a `table` tile.
    public var measure: DashboardMeasure?
    /// What a chart's categories are: a field's values or the periods of a date field.
    public var groupBy: DashboardGrouping?
    /// A second field whose values split a chart into series.
    public var split: Located<String>?
    /// A condition on the table's fields selecting the records that count; nil for all.
    public var filter: ExpressionSource?
    /// The span of time the records must fall in; nil for all time.
    public var window: DashboardWindow?
    /// Whether a `kpi` tile also shows the value of the window before its own.
    public var comparesWithPrevious: Bool
    /// The columns of a `table` tile, in order; empty for every field.
    public var columns: [Located<String>]
    /// The order of a `table` tile's rows: a field, `-field` for descending; nil for the newest first.
    public var sort: Located<String>?
    /// How many rows a `table` tile shows at most.
    public var limit: Int
    /// Where the tile was written.
    public var range: SourceRange

    /// The rows a table tile shows when it names no `limit`.
    public static let defaultLimit = 10
    /// The most rows a table tile may show.
    public static let maximumLimit = 100

    /// Creates a tile.
    public init(
        kind: Located<Kind>, title: LocalizedText?, table: Located<String>, measure: DashboardMeasure?, groupBy: DashboardGrouping?,
        split: Located<String>?, filter: ExpressionSource?, window: DashboardWindow?, comparesWithPrevious: Bool, columns: [Located<String>],
        sort: Located<String>?, limit: Int, range: SourceRange
    ) {
        self.kind = kind
        self.title = title
        self.table = table
        self.measure = measure
        self.groupBy = groupBy
        self.split = split
        self.filter = filter
        self.window = window
        self.comparesWithPrevious = comparesWithPrevious
        self.columns = columns
        self.sort = sort
        self.limit = limit
        self.range = range
    }
}
