/// What a forecast forecasts: one table's measure, per period of a date field and per group.
public struct ForecastTarget: Sendable {
    /// The table whose records are aggregated.
    public var table: Located<String>
    /// What is aggregated per group and period.
    public var measure: ForecastMeasure
    /// The date or datetime field that puts a record in a period (in the app's time zone).
    public var date: Located<String>
    /// The fields whose values make the groups (choice, text or link fields), in the order written; empty for one group.
    public var groupBy: [Located<String>]
    /// A condition on the table's fields selecting the records that count; nil for all.
    public var filter: ExpressionSource?

    /// Creates a target.
    public init(
        table: Located<String>, measure: ForecastMeasure, date: Located<String>, groupBy: [Located<String>], filter: ExpressionSource?
    ) {
        self.table = table
        self.measure = measure
        self.date = date
        self.groupBy = groupBy
        self.filter = filter
    }
}

/// What a forecast aggregates per group and period.
public enum ForecastMeasure: Sendable, Equatable {
    /// The number of records (`measure: count`).
    case count
    /// The sum of a number, integer or money field (`measure: amount`).
    case sum(Located<String>)
    /// A rate: the sum of one field over the sum of another (`measure: { ratio: [won, offered] }`),
    /// so that a rate of several records or periods is a ratio of sums, never a mean of rates.
    case ratio(numerator: Located<String>, denominator: Located<String>)

    /// The fields the measure reads.
    public var fields: [Located<String>] {
        switch self {
        case .count: []
        case .sum(let field): [field]
        case .ratio(let numerator, let denominator): [numerator, denominator]
        }
    }
}

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

/// How drivers' effects join the baseline.
public enum ForecastCombination: String, Sendable, CaseIterable {
    /// `forecast = baseline × exp(Σ weight × driver)`: effects are relative, for revenue and volumes.
    case logLinear = "log_linear"
    /// `forecast = baseline + Σ weight × driver`: effects are absolute, for rates.
    case additive
}
