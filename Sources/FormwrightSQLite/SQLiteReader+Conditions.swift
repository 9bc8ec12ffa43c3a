import FormwrightStorage
import GRDB

extension SQLiteReader {
    /// A record condition as an SQLite `WHERE` fragment and its arguments.
    ///
    /// SQLite's three-valued logic is ``RecordCondition``'s: a comparison with `NULL` is unknown,
    /// `IS` is an equality that never is, and text compares by UTF-8 bytes (`BINARY`); `substr`
    /// and `instr` count characters, as the reference backend does.
    func conditionClause(_ condition: RecordCondition, _ table: TableSchema) throws -> (clause: String, arguments: [DatabaseValue]) {
        try table.checkCondition(condition)
        var arguments: [DatabaseValue] = []
        let clause = Self.clause(condition, &arguments)
        return (clause, arguments)
    }

    private static func clause(_ condition: RecordCondition, _ arguments: inout [DatabaseValue]) -> String {
        switch condition {
        case .constant(let value):
            return value ? "1" : "0"
        case .all(let parts):
            guard !parts.isEmpty else { return "1" }
            return "(" + parts.map { clause($0, &arguments) }.joined(separator: " AND ") + ")"
        case .any(let parts):
            guard !parts.isEmpty else { return "0" }
            return "(" + parts.map { clause($0, &arguments) }.joined(separator: " OR ") + ")"
        case .not(let part):
            return "(NOT " + clause(part, &arguments) + ")"
        case .equals(let field, let value):
            arguments.append(value.databaseValue)
            return "\(column(field)) IS ?"
        case .compare(let field, let comparison, let value):
            arguments.append(value.databaseValue)
            return "\(column(field)) \(comparison.rawValue) ?"
        case .oneOf(let field, let values):
            let candidates = values.filter { $0 != .null }
            guard !candidates.isEmpty else { return "0" }
            arguments.append(contentsOf: candidates.map(\.databaseValue))
            let name = column(field)
            return "(\(name) IS NOT NULL AND \(name) IN (" + Array(repeating: "?", count: candidates.count).joined(separator: ", ") + "))"
        case .startsWith(let field, let prefix):
            arguments.append(prefix.unicodeScalars.count.databaseValue)
            arguments.append(prefix.databaseValue)
            return "substr(\(column(field)), 1, ?) = ?"
        case .contains(let field, let part):
            arguments.append(part.databaseValue)
            return "instr(\(column(field)), ?) > 0"
        }
    }

    private static func column(_ field: String) -> String {
        SQLiteNames.quote(SQLiteNames.column(field))
    }
}
