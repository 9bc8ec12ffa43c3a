/// The length of one period of a forecast series.
public enum ForecastPeriod: String, Sendable, Hashable, CaseIterable {
    /// A calendar day.
    case day
    /// An ISO week, Monday to Sunday.
    case week
    /// A calendar month.
    case month

    /// The season length seasonal baselines use unless one is given: a week of days (7), a year
    /// of weeks (52) or a year of months (12).
    public var defaultSeasonLength: Int {
        switch self {
        case .day: 7
        case .week: 52
        case .month: 12
        }
    }
}
