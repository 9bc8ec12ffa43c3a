/// The type of one stored column, and so the kind of `Value` it accepts.
///
/// Every column is nullable: `.null` is accepted by every type. Whether a field is required is
/// the runtime's business, not storage's.
public enum ColumnType: Sendable, Hashable {
    /// Unicode text, a `Value.string`; ordered by its UTF-8 bytes (code point order).
    case text
    /// A 64-bit signed integer, a `Value.int`.
    case integer
    /// A finite binary float, a `Value.double`; NaN and infinities are refused.
    case double
    /// A truth value, a `Value.bool`; ordered `false` before `true`.
    case boolean
    /// An exact amount as integer minor units (`Value.int`), with `scale` decimals; never a float.
    case money(scale: Int)
    /// A calendar date, a `Value.string` spelled `YYYY-MM-DD` (years 0001 to 9999).
    case date
    /// A point in time, a `Value.timestamp`, kept with microsecond precision (years 0001 to 9999).
    ///
    /// Digits below the microsecond are dropped on write (rounded towards the past), so a value
    /// read back equals what every backend stores — PostgreSQL's `timestamptz` keeps
    /// microseconds too.
    case timestamp
    /// A list of texts, a `Value.list` of `Value.string`; may be filtered on but not sorted by.
    case textList
    /// The id of a record in another table of the same app, a `Value.string`.
    case link(table: String)

    /// The largest `scale` a money column may have: 10^18 still fits a 64-bit integer.
    public static let maximumMoneyScale = 18

    /// The type's name as the store's metadata records it (`money`, `link`, …), without parameters.
    public var name: String {
        switch self {
        case .text: "text"
        case .integer: "integer"
        case .double: "double"
        case .boolean: "boolean"
        case .money: "money"
        case .date: "date"
        case .timestamp: "timestamp"
        case .textList: "text_list"
        case .link: "link"
        }
    }

    /// Rebuilds a type from its metadata name and parameters; nil when the name is unknown.
    ///
    /// - Parameters:
    ///   - name: what ``name`` returned.
    ///   - scale: the money scale, when the name is `money`.
    ///   - linkTable: the target table, when the name is `link`.
    public init?(name: String, scale: Int?, linkTable: String?) {
        switch name {
        case "text": self = .text
        case "integer": self = .integer
        case "double": self = .double
        case "boolean": self = .boolean
        case "money":
            guard let scale else { return nil }
            self = .money(scale: scale)
        case "date": self = .date
        case "timestamp": self = .timestamp
        case "text_list": self = .textList
        case "link":
            guard let linkTable else { return nil }
            self = .link(table: linkTable)
        default: return nil
        }
    }

    /// Whether records may be sorted by a column of this type.
    public var isSortable: Bool {
        if case .textList = self { return false }
        return true
    }
}
