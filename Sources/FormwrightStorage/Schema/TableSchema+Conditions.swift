extension TableSchema {
    /// The most comparisons and list values one condition may hold.
    public static let maximumConditionSize = 1_000
    /// The deepest nesting of `all`, `any` and `not` a condition may have.
    public static let maximumConditionDepth = 32

    /// Checks that a condition names only this table's fields, compares each with a stored value
    /// of the field's own kind, and stays within the size limits; returns the columns it reads.
    ///
    /// Text-list fields cannot be tested by a condition, and `startsWith` / `contains` need a
    /// text or link field. `.null` may be given to `equals` (an empty field) and is ignored in
    /// `oneOf` (it can never match).
    ///
    /// - Throws: ``StorageError/Code/unknownField`` or ``StorageError/Code/invalidQuery``.
    @discardableResult
    public func checkCondition(_ condition: RecordCondition) throws -> [String: ColumnSchema] {
        var columns: [String: ColumnSchema] = [:]
        var size = 0
        try check(condition, depth: 0, size: &size, columns: &columns)
        return columns
    }

    private func check(_ condition: RecordCondition, depth: Int, size: inout Int, columns: inout [String: ColumnSchema]) throws {
        guard depth <= Self.maximumConditionDepth else {
            throw StorageError(.invalidQuery, "the condition nests deeper than \(Self.maximumConditionDepth) levels", table: name)
        }
        size += 1
        guard size <= Self.maximumConditionSize else {
            throw StorageError(.invalidQuery, "the condition holds more than \(Self.maximumConditionSize) parts", table: name)
        }
        switch condition {
        case .constant: return
        case .all(let parts), .any(let parts):
            for part in parts { try check(part, depth: depth + 1, size: &size, columns: &columns) }
        case .not(let part):
            try check(part, depth: depth + 1, size: &size, columns: &columns)
        case .equals(let field, let value):
            try checkValue(value, of: try conditionColumn(field, &columns))
        case .compare(let field, _, let value):
            try checkValue(value, of: try conditionColumn(field, &columns))
        case .oneOf(let field, let values):
            let column = try conditionColumn(field, &columns)
            size += values.count
            guard size <= Self.maximumConditionSize else {
                throw StorageError(.invalidQuery, "the condition holds more than \(Self.maximumConditionSize) parts", table: name)
            }
            for value in values { try checkValue(value, of: column) }
        case .startsWith(let field, _), .contains(let field, _):
            let column = try conditionColumn(field, &columns)
            switch column.type {
            case .text, .link: return
            default:
                throw StorageError(
                    .invalidQuery, "field '\(field)' of table '\(name)' is not text, so it cannot be searched for text", table: name,
                    field: field)
            }
        }
    }

    private func conditionColumn(_ field: String, _ columns: inout [String: ColumnSchema]) throws -> ColumnSchema {
        let column = try requireColumn(field)
        if case .textList = column.type {
            throw StorageError(
                .invalidQuery, "field '\(field)' of table '\(name)' holds a list and cannot be tested by a condition", table: name, field: field)
        }
        columns[field] = column
        return column
    }

    private func checkValue(_ value: ColumnValue, of column: ColumnSchema) throws {
        let fits: Bool
        switch (value, column.type) {
        case (.null, _): fits = true
        case (.integer, .integer), (.integer, .money), (.integer, .boolean), (.integer, .timestamp): fits = true
        case (.real, .double): fits = true
        case (.text, .text), (.text, .date), (.text, .link): fits = true
        default: fits = false
        }
        guard fits else {
            throw StorageError(
                .invalidQuery, "the condition compares field '\(column.name)' of table '\(name)' with a value of another type", table: name,
                field: column.name)
        }
    }
}
