/// The naming rules every backend enforces, so that a schema one backend accepts, all accept.
///
/// Names are compared the way SQLite compares identifiers — ASCII letters without regard to
/// case — so two tables (or two fields) whose names differ only in ASCII case are refused.
public enum SchemaRules {
    /// Checks an app name: lower-case ASCII letters, digits and `-`, not empty.
    ///
    /// Keeping `_` out makes the SQLite name prefix `<app>__` unambiguous.
    public static func validate(app: String) throws {
        let allowed = app.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
        guard !app.isEmpty, allowed else {
            throw StorageError(.invalidSchema, "app name '\(app)' must be lower-case letters, digits and '-'")
        }
    }

    /// Checks a whole schema: names present, free of NUL, not clashing; money scales in range;
    /// links pointing at a table of the same schema.
    public static func validate(app: String, tables: [TableSchema]) throws {
        try validate(app: app)
        var tableKeys: Set<String> = []
        for table in tables {
            try validate(name: table.name, what: "table")
            guard tableKeys.insert(foldedKey(table.name)).inserted else {
                throw StorageError(.invalidSchema, "table '\(table.name)' is declared twice (names ignore letter case)", table: table.name)
            }
        }
        for table in tables {
            var columnKeys: Set<String> = []
            for column in table.columns {
                try validate(name: column.name, what: "field", table: table.name)
                guard columnKeys.insert(foldedKey(column.name)).inserted else {
                    throw StorageError(
                        .invalidSchema, "field '\(column.name)' is declared twice in table '\(table.name)' (names ignore letter case)",
                        table: table.name, field: column.name)
                }
                switch column.type {
                case .money(let scale) where !(0...ColumnType.maximumMoneyScale).contains(scale):
                    throw StorageError(
                        .invalidSchema, "money field '\(column.name)' of table '\(table.name)' has scale \(scale), outside 0...18",
                        table: table.name, field: column.name)
                case .link(let target) where !tables.contains(where: { $0.name == target }):
                    throw StorageError(
                        .invalidSchema, "link field '\(column.name)' of table '\(table.name)' names unknown table '\(target)'",
                        table: table.name, field: column.name)
                default: break
                }
            }
        }
    }

    /// Checks a definition revision: any text without NUL characters.
    public static func validate(revision: String) throws {
        guard !revision.utf8.contains(0) else {
            throw StorageError(.invalidValue, "the definition revision contains a NUL character")
        }
    }

    /// `name` with ASCII letters lower-cased, the way SQLite matches identifiers.
    public static func foldedKey(_ name: String) -> String {
        String(decoding: name.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    private static func validate(name: String, what: String, table: String? = nil) throws {
        guard !name.isEmpty else {
            throw StorageError(.invalidSchema, table.map { "a \(what) of table '\($0)' has an empty name" } ?? "a \(what) has an empty name")
        }
        guard !name.utf8.contains(0) else {
            throw StorageError(.invalidSchema, "\(what) name '\(name)' contains a NUL character", table: table)
        }
    }
}
