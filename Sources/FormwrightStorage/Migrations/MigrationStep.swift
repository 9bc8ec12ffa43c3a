public import FormwrightCore

/// One change a migration plan makes to an app's stored tables.
///
/// Each step says in plain words what it does (``description``) and whether it can lose data
/// (``isDestructive``): dropping a table or a field, and changing a type to one that cannot hold
/// every old value, are destructive; everything else keeps every value.
public enum MigrationStep: Sendable, Hashable, CustomStringConvertible {
    /// Creates a table with its fields and their indexes, unique and plain.
    case createTable(TableSchema)
    /// Renames a table; its records and fields stay.
    case renameTable(from: String, to: String)
    /// Renames a field of a table; its values stay.
    case renameField(table: String, from: String, to: String)
    /// Adds a field; existing records get `backfill`, or stay empty when it is nil.
    case addField(table: String, column: ColumnSchema, backfill: Value?)
    /// Changes a field's type, converting every value; destructive unless the change widens the type.
    case changeType(TypeChange)
    /// Makes a field unique; refused when records already share a value.
    case addUniqueIndex(table: String, field: String)
    /// Lets a field's values repeat again.
    case dropUniqueIndex(table: String, field: String)
    /// Keeps a (not unique) index on a field so that filters and sorts on it are fast.
    case addIndex(table: String, field: String)
    /// Drops a field's (not unique) index; its values stay.
    case dropIndex(table: String, field: String)
    /// Drops a field and its values.
    case dropField(table: String, field: String)
    /// Drops a table and its records.
    case dropTable(String)

    /// Whether the step can lose stored values.
    public var isDestructive: Bool {
        switch self {
        case .dropField, .dropTable: true
        case .changeType(let change): !change.isWidening
        default: false
        }
    }

    /// Whether the step drops a field or a table (as opposed to converting values).
    public var isDrop: Bool {
        switch self {
        case .dropField, .dropTable: true
        default: false
        }
    }

    /// The table the step is about.
    public var table: String {
        switch self {
        case .createTable(let table): table.name
        case .renameTable(_, let to): to
        case .renameField(let table, _, _), .addField(let table, _, _), .addUniqueIndex(let table, _), .dropUniqueIndex(let table, _),
            .addIndex(let table, _), .dropIndex(let table, _), .dropField(let table, _):
            table
        case .changeType(let change): change.table
        case .dropTable(let table): table
        }
    }

    /// The field the step is about, when it is about one.
    public var field: String? {
        switch self {
        case .createTable, .renameTable, .dropTable: nil
        case .renameField(_, _, let to): to
        case .addField(_, let column, _): column.name
        case .addUniqueIndex(_, let field), .dropUniqueIndex(_, let field), .addIndex(_, let field), .dropIndex(_, let field),
            .dropField(_, let field):
            field
        case .changeType(let change): change.field
        }
    }

    /// What the step does, in plain words: `add field 'sentiment' (number) to table 'conversations'`.
    public var description: String {
        switch self {
        case .createTable(let table):
            let count = table.columns.count
            return "create table '\(table.name)' with \(count) field\(count == 1 ? "" : "s")"
        case .renameTable(let from, let to):
            return "rename table '\(from)' to '\(to)', keeping its records"
        case .renameField(let table, let from, let to):
            return "rename field '\(from)' of table '\(table)' to '\(to)', keeping its values"
        case .addField(let table, let column, let backfill):
            let filled =
                backfill.map { " (existing records get \(Self.literal($0)))" }
                ?? column.fillExpression.map { " (existing records get the value of '= \($0)')" } ?? ""
            return "add field '\(column.name)' (\(column.typeLabel ?? column.type.name)) to table '\(table)'\(filled)"
        case .changeType(let change):
            let effect = change.isWidening ? "every value is kept" : "values that do not fit become empty"
            let verb = change.isWidening ? "widen" : "narrow"
            return "\(verb) field '\(change.field)' of table '\(change.table)' from \(change.fromLabel) to \(change.toLabel); \(effect)"
        case .addUniqueIndex(let table, let field):
            return "make field '\(field)' of table '\(table)' unique"
        case .dropUniqueIndex(let table, let field):
            return "let values of field '\(field)' of table '\(table)' repeat (drop its unique index)"
        case .addIndex(let table, let field):
            return "add an index on field '\(field)' of table '\(table)', for fast filters and sorts on it"
        case .dropIndex(let table, let field):
            return "drop the index on field '\(field)' of table '\(table)', keeping its values"
        case .dropField(let table, let field):
            return "drop field '\(field)' of table '\(table)' and its values"
        case .dropTable(let table):
            return "drop table '\(table)' and all its records"
        }
    }

    private static func literal(_ value: Value) -> String {
        switch value {
        case .string(let text): "'\(text)'"
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .timestamp(let time): time.rfc3339
        default: "a default value"
        }
    }
}
