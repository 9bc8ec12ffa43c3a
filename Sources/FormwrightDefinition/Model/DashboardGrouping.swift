/// What a chart's categories are: the values of a field, or the periods a date field falls in.
public enum DashboardGrouping: Sendable, Equatable {
    /// The values of a field (`by: stage`).
    case field(Located<String>)
    /// The days, ISO weeks or months of a date or datetime field in the app's time zone (`by: week(closed_at)`).
    case period(Located<String>, ForecastPeriod)

    /// The field grouped by.
    public var field: Located<String> {
        switch self {
        case .field(let field), .period(let field, _): field
        }
    }

    /// The grouping as written: `stage`, `week(closed_at)`.
    public var text: String {
        switch self {
        case .field(let field): field.value
        case .period(let field, let period): "\(period.rawValue)(\(field.value))"
        }
    }
}
