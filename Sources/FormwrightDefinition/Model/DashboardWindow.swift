/// The span of time a tile's records must fall in: the last `count` periods of a date field in the
/// app's time zone, ending with the period under way or, with `current: false`, the one before it.
public struct DashboardWindow: Sendable, Equatable {
    /// The date or datetime field that puts a record in a period.
    public var date: Located<String>
    /// The length of one period.
    public var period: ForecastPeriod
    /// How many periods.
    public var count: Located<Int>
    /// Whether the period under way is the last of them (`current:`, default true); else the one before it is.
    public var includesCurrent: Bool

    /// The most periods a window may span.
    public static let maximumCount = 520

    /// Creates a window.
    public init(date: Located<String>, period: ForecastPeriod, count: Located<Int>, includesCurrent: Bool = true) {
        self.date = date
        self.period = period
        self.count = count
        self.includesCurrent = includesCurrent
    }
}
