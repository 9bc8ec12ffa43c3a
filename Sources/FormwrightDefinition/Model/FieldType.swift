/// The kinds of value a field holds.
public enum FieldType: String, Sendable, Hashable, CaseIterable {
    case text, longtext, integer, number, money, boolean, date, datetime, choice, multichoice, email, phone, url, link

    /// Whether values are text underneath (length limits and patterns apply).
    public var isTextual: Bool {
        switch self {
        case .text, .longtext, .email, .phone, .url: true
        default: false
        }
    }

    /// Whether `min` and `max` bound the value itself.
    public var isOrdered: Bool {
        switch self {
        case .integer, .number, .money, .date, .datetime: true
        default: false
        }
    }

    /// Whether the field picks from `options`.
    public var hasOptions: Bool { self == .choice || self == .multichoice }
}
