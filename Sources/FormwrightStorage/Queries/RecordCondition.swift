/// A condition on a table's stored columns that every backend can evaluate itself — in SQL on
/// SQLite and PostgreSQL, record by record in memory.
///
/// Values are stored values (``ColumnValue``), already encoded for the column they are compared
/// with. The logic is SQL's three-valued logic, which matches CEL's treatment of errors: a
/// comparison that involves an empty field (other than ``equals(_:_:)`` and ``oneOf(_:_:)``,
/// which are never unknown) is *unknown*; `unknown AND false` is false, `unknown OR true` is
/// true, `NOT unknown` is unknown, and a record matches only when the whole condition is true.
public indirect enum RecordCondition: Sendable, Hashable {
    /// True or false whatever the record.
    case constant(Bool)
    /// Every condition holds (true when the list is empty).
    case all([RecordCondition])
    /// At least one condition holds (false when the list is empty).
    case any([RecordCondition])
    /// The condition does not hold.
    case not(RecordCondition)
    /// The field's stored value equals the value; `.null` matches an empty field. Never unknown.
    case equals(String, ColumnValue)
    /// The field compares with a non-null value as stated; unknown when the field is empty.
    case compare(String, Comparison, ColumnValue)
    /// The field's stored value is one of the values; never unknown (false for an empty field).
    case oneOf(String, [ColumnValue])
    /// The field's text starts with the given text; unknown when the field is empty.
    case startsWith(String, String)
    /// The field's text contains the given text; unknown when the field is empty.
    case contains(String, String)

    /// An ordering comparison.
    public enum Comparison: String, Sendable, Hashable {
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
    }

    /// The result of a condition on one record: true, false or unknown (`nil`).
    ///
    /// - Parameter value: the stored value of a field, by name.
    public func evaluate(_ value: (String) -> ColumnValue) -> Bool? {
        switch self {
        case .constant(let result):
            return result
        case .all(let conditions):
            return Self.combine(conditions, value, decisive: false)
        case .any(let conditions):
            return Self.combine(conditions, value, decisive: true)
        case .not(let condition):
            return condition.evaluate(value).map { !$0 }
        case .equals(let field, let expected):
            return value(field) == expected
        case .compare(let field, let comparison, let bound):
            let stored = value(field)
            guard stored != .null, bound != .null else { return nil }
            switch comparison {
            case .less: return stored < bound
            case .lessOrEqual: return stored < bound || stored == bound
            case .greater: return bound < stored
            case .greaterOrEqual: return bound < stored || stored == bound
            }
        case .oneOf(let field, let values):
            let stored = value(field)
            return stored != .null && values.contains(stored)
        case .startsWith(let field, let prefix):
            guard case .text(let text) = value(field) else { return nil }
            return text.unicodeScalars.starts(with: prefix.unicodeScalars)
        case .contains(let field, let part):
            guard case .text(let text) = value(field) else { return nil }
            return part.isEmpty || text.utf8.firstRange(of: part.utf8) != nil
        }
    }

    /// `AND` (decided by a false part) or `OR` (decided by a true part) in three-valued logic.
    private static func combine(_ conditions: [RecordCondition], _ value: (String) -> ColumnValue, decisive: Bool) -> Bool? {
        var unknown = false
        for condition in conditions {
            switch condition.evaluate(value) {
            case decisive?: return decisive
            case nil: unknown = true
            default: continue
            }
        }
        return unknown ? nil : !decisive
    }
}
