/// A value as a column stores it: what every backend binds, compares and sorts.
///
/// Each ``ColumnType`` maps its `Value`s onto one of these (a timestamp becomes microseconds, a
/// date its text), so the in-memory backend orders records exactly as SQL does. Ordering puts
/// `null` first, then numbers, then text; text compares by UTF-8 bytes (code point order, like
/// SQLite's `BINARY` collation and PostgreSQL's `COLLATE "C"`), and equal text means equal
/// bytes — `"é"` precomposed and decomposed are different values.
public enum ColumnValue: Sendable, Hashable, Comparable {
    /// No value.
    case null
    /// A 64-bit integer (integer, money, boolean and timestamp columns).
    case integer(Int64)
    /// A finite binary float (double columns).
    case real(Double)
    /// Text (text, date, link and text-list columns).
    case text(String)

    /// Whether two values are the same; text is equal only when its UTF-8 bytes are.
    public static func == (lhs: ColumnValue, rhs: ColumnValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.integer(let a), .integer(let b)): a == b
        case (.real(let a), .real(let b)): a == b
        case (.text(let a), .text(let b)): a.utf8.elementsEqual(b.utf8)
        default: false
        }
    }

    /// Hashes the value consistently with `==` (text by its UTF-8 bytes).
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .integer(let value):
            hasher.combine(1)
            hasher.combine(value)
        case .real(let value):
            hasher.combine(2)
            hasher.combine(value)
        case .text(let value):
            hasher.combine(3)
            for byte in value.utf8 { hasher.combine(byte) }
        }
    }

    /// Whether `lhs` sorts before `rhs`: null, then numbers, then text in UTF-8 byte order.
    public static func < (lhs: ColumnValue, rhs: ColumnValue) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return a < b
        case (.real(let a), .real(let b)): return a < b
        case (.integer(let a), .real(let b)): return Double(a) < b
        case (.real(let a), .integer(let b)): return a < Double(b)
        case (.text(let a), .text(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
        default: return lhs.rank < rhs.rank
        }
    }

    private var rank: Int {
        switch self {
        case .null: 0
        case .integer, .real: 1
        case .text: 2
        }
    }
}
