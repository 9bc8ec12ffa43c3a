/// The span of time a tile's records must fall in: the last `count` periods of a date field, the
/// period under way included, in the app's time zone.
public struct DashboardWindow: Sendable, Equatable {
    /// The date or datetime field that puts a record in a period.
    public var date: Located<String>
    /// The length of one period.
    public var period: ForecastPeriod
    /// How many periods, ending with the one under way.
    public var count: Located<Int>

    /// The most periods a window may span.
    public static let maximumCount = 520

    /// Creates a window.
    public init(date: Located<String>, period: ForecastPeriod, count: Located<Int>) {
        self.date = date
        self.period = period
        self.count = count
    }
}
