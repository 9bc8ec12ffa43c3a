import FormwrightStorage

extension PostgresReader {
    /// A record condition as a PostgreSQL `WHERE` fragment, its values bound into `statement`.
    ///
    /// PostgreSQL's three-valued logic is ``RecordCondition``'s: a comparison with `NULL` is
    /// unknown and `IS NOT DISTINCT FROM` is an equality that never is; text columns compare with
    /// `COLLATE "C"` (UTF-8 bytes), and `substr` and `strpos` count characters, as the reference
    /// backend does.
    func conditionClause(_ condition: RecordCondition, _ table: TableSchema, _ statement: inout PostgresStatement) throws -> String {
        let columns = try table.checkCondition(condition)
        return Self.clause(condition, columns, &statement)
    }

    private static func clause(_ condition: RecordCondition, _ columns: [String: ColumnSchema], _ statement: inout PostgresStatement)
        -> String
    {
        switch condition {
        case .constant(let value):
            return value ? "TRUE" : "FALSE"
        case .all(let parts):
            guard !parts.isEmpty else { return "TRUE" }
            return "(" + parts.map { clause($0, columns, &statement) }.joined(separator: " AND ") + ")"
        case .any(let parts):
            guard !parts.isEmpty else { return "FALSE" }
            return "(" + parts.map { clause($0, columns, &statement) }.joined(separator: " OR ") + ")"
        case .not(let part):
            return "(NOT " + clause(part, columns, &statement) + ")"
        case .equals(let field, let value):
            if value == .null { return "\(column(field)) IS NULL" }
            return "\(column(field)) IS NOT DISTINCT FROM \(bound(value, field, columns, &statement))"
        case .compare(let field, let comparison, let value):
            if value == .null { return "NULL::boolean" }
            return "\(column(field)) \(comparison.rawValue) \(bound(value, field, columns, &statement))"
        case .oneOf(let field, let values):
            let candidates = values.filter { $0 != .null }
            guard !candidates.isEmpty else { return "FALSE" }
            let name = column(field)
            let list = candidates.map { bound($0, field, columns, &statement) }.joined(separator: ", ")
            return "(\(name) IS NOT NULL AND \(name) IN (\(list)))"
        case .startsWith(let field, let prefix):
            let length = statement.parameter(Int64(prefix.unicodeScalars.count))
            return "substr(\(column(field)), 1, \(length)::integer) = \(statement.parameter(prefix))"
        case .contains(let field, let part):
            return "strpos(\(column(field)), \(statement.parameter(part))) > 0"
        }
    }

    private static func bound(_ value: ColumnValue, _ field: String, _ columns: [String: ColumnSchema], _ statement: inout PostgresStatement)
        -> String
    {
        statement.parameter(value, as: columns[field]?.type ?? .text)
    }

    private static func column(_ field: String) -> String {
        PostgresNames.quote(PostgresNames.column(field))
    }
}
