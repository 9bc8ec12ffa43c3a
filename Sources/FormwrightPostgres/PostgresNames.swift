public import FormwrightStorage

/// How apps, tables and fields are named inside a PostgreSQL database.
///
/// - Each app has its own schema, named after the app (`"crm"`); app names hold no `_`, so
///   the metadata schema `"_formwright"` never meets one.
/// - An app table is `"<app>"."<table>"`, a field's column `"f_<field>"`, so no field name can
///   clash with the fixed columns `id`, `version`, `created_at`, `updated_at`, `revision`.
/// - Table and field names are ASCII-folded to lower case first, because the storage layer
///   matches names without regard to ASCII case (as SQLite does); a later schema that spells
///   a field `Amount` instead of `amount` finds the same column.
/// - Every identifier is written quoted, embedded quotes doubled, and must fit PostgreSQL's
///   63-byte limit — a longer one is refused rather than silently truncated.
public enum PostgresNames {
    /// The schema holding the metadata tables.
    public static let metadataSchema = "_formwright"
    /// The metadata table listing each app's tables.
    public static let tablesTable = "tables"
    /// The metadata table listing each app table's fields and their types.
    public static let columnsTable = "columns"
    /// The longest identifier PostgreSQL keeps whole, in bytes.
    public static let maximumIdentifierBytes = 63

    /// `identifier` as an SQL identifier: in double quotes, inner quotes doubled.
    public static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A metadata table, schema-qualified and quoted.
    static func metadata(_ table: String) -> String {
        quote(metadataSchema) + "." + quote(table)
    }

    /// The SQL name of an app table inside its app's schema, unquoted.
    public static func table(_ table: String) -> String {
        SchemaRules.foldedKey(table)
    }

    /// The SQL name of a field's column, unquoted.
    public static func column(_ field: String) -> String {
        "f_" + SchemaRules.foldedKey(field)
    }

    /// An app table, schema-qualified and quoted.
    static func qualified(app: String, table name: String) -> String {
        quote(app) + "." + quote(table(name))
    }

    /// The name of a field's unique index: readable when it fits, else a stable hash of
    /// both names (index names share one namespace per schema and obey the 63-byte limit).
    public static func uniqueIndex(table: String, field: String) -> String {
        indexName(table: table, field: field, kind: "unique")
    }

    /// The name of a field's plain (not unique) index, made like ``uniqueIndex(table:field:)``
    /// with its own ending (`…__index`) and hash prefix (`index_…`).
    public static func index(table: String, field: String) -> String {
        indexName(table: table, field: field, kind: "index")
    }

    private static func indexName(table: String, field: String, kind: String) -> String {
        let tableKey = SchemaRules.foldedKey(table)
        let fieldKey = SchemaRules.foldedKey(field)
        let readable = "\(tableKey.utf8.count):\(tableKey)__\(fieldKey)__\(kind)"
        if readable.utf8.count <= maximumIdentifierBytes { return readable }
        // FNV-1a over both names, split by a NUL that neither name may hold.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(tableKey.utf8) + [0] + Array(fieldKey.utf8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return kind + "_" + String(hash, radix: 16)
    }

    /// The SQL column type a field type is stored in; text sorts by UTF-8 bytes (`COLLATE "C"`).
    public static func sqlType(_ type: ColumnType) -> String {
        switch type {
        case .text, .date, .textList, .link: "TEXT COLLATE \"C\""
        case .integer, .money: "BIGINT"
        case .double: "DOUBLE PRECISION"
        case .boolean: "BOOLEAN"
        case .timestamp: "TIMESTAMPTZ"
        }
    }

    /// Checks that an app's schema and every table and column name fit PostgreSQL's limit.
    ///
    /// - Throws: ``StorageError/Code/invalidSchema`` naming the first name too long.
    static func validate(_ schema: AppSchema) throws {
        try check(schema.app, what: "app name '\(schema.app)'")
        for table in schema.tables {
            try check(self.table(table.name), what: "table name '\(table.name)'", table: table.name)
            for column in table.columns {
                try check(
                    self.column(column.name), what: "field name '\(column.name)' of table '\(table.name)'", table: table.name, field: column.name)
            }
        }
    }

    private static func check(_ identifier: String, what: String, table: String? = nil, field: String? = nil) throws {
        guard identifier.utf8.count <= maximumIdentifierBytes else {
            throw StorageError(
                .invalidSchema, "\(what) is too long for PostgreSQL: its identifier '\(identifier)' is over \(maximumIdentifierBytes) bytes",
                table: table, field: field)
        }
    }
}
