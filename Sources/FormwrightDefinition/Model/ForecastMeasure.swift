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
