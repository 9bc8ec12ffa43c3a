public import FormwrightStorage

/// How app tables and fields are named inside an SQLite file.
///
/// - An app table is `<app>__<table>`: app names hold no `_`, so the prefix is unambiguous and
///   apps sharing a file never meet.
/// - Fixed columns are `id`, `version`, `created_at`, `updated_at`, `revision`; a field's column
///   is `f_<field>`, so no field name can clash with them.
/// - Every identifier is written quoted, embedded quotes doubled: any name is safe to use.
public enum SQLiteNames {
    /// The metadata table listing each app's tables.
    public static let tablesTable = "_formwright_tables"
    /// The metadata table listing each app table's fields and their types.
    public static let columnsTable = "_formwright_columns"

    /// `identifier` as an SQL identifier: in double quotes, inner quotes doubled.
    public static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The SQL name of an app's table, unquoted.
    public static func table(app: String, table: String) -> String {
        "\(app)__\(table)"
    }

    /// The SQL name of a field's column, unquoted.
    public static func column(_ field: String) -> String {
        "f_\(field)"
    }

    /// The SQL name of the unique index of a field, unquoted; the table name's length keeps
    /// it unambiguous whatever characters the names hold.
    public static func uniqueIndex(app: String, table: String, field: String) -> String {
        "\(app)__\(table.utf8.count):\(table)__\(field)__unique"
    }

    /// The SQL name of the plain (not unique) index of a field, unquoted; built like
    /// ``uniqueIndex(app:table:field:)``, with its own ending.
    public static func index(app: String, table: String, field: String) -> String {
        "\(app)__\(table.utf8.count):\(table)__\(field)__index"
    }

    /// The SQL column type a field type is stored in (tables are `STRICT`).
    public static func sqlType(_ type: ColumnType) -> String {
        switch type {
        case .text, .date, .textList, .link: "TEXT"
        case .integer, .money, .boolean, .timestamp: "INTEGER"
        case .double: "REAL"
        }
    }
}
