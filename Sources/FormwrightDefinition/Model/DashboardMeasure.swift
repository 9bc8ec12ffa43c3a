/// What a dashboard tile measures over the records that count.
///
/// Written `count`, `sum(field)` (or the bare field, as a forecast's measure), `avg(field)`, or
/// `{ ratio: [numerator, denominator] }` — the sum of one field over the sum of another, so that a
/// rate over many records is a ratio of sums, never a mean of rates.
public enum DashboardMeasure: Sendable, Equatable {
    /// The number of records.
    case count
    /// The sum of a number, integer or money field.
    case sum(Located<String>)
    /// The mean of a number, integer or money field's non-empty values.
    case average(Located<String>)
    /// The sum of one field over the sum of another.
    case ratio(numerator: Located<String>, denominator: Located<String>)

    /// The fields the measure reads.
    public var fields: [Located<String>] {
        switch self {
        case .count: []
        case .sum(let field), .average(let field): [field]
        case .ratio(let numerator, let denominator): [numerator, denominator]
        }
    }

    /// The measure as written in the short form: `count`, `sum(amount)`, `avg(amount)`, `ratio(won, offered)`.
    public var text: String {
        switch self {
        case .count: "count"
        case .sum(let field): "sum(\(field.value))"
        case .average(let field): "avg(\(field.value))"
        case .ratio(let numerator, let denominator): "ratio(\(numerator.value), \(denominator.value))"
        }
    }
}
