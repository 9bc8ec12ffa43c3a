/// The length of a forecast's period, in the app's time zone.
public enum ForecastPeriod: String, Sendable, CaseIterable {
    /// A calendar day.
    case day
    /// An ISO week, Monday to Sunday.
    case week
    /// A calendar month.
    case month

    /// The periods in a year's season, the default `season` of seasonal baselines: 7 days, 52 weeks, 12 months.
    public var defaultSeason: Int {
        switch self {
        case .day: 7
        case .week: 52
        case .month: 12
        }
    }

    /// The default trailing window of driver normalisation: 28 days, 13 weeks, 12 months.
    public var defaultNormalisationWindow: Int {
        switch self {
        case .day: 28
        case .week: 13
        case .month: 12
        }
    }
}
