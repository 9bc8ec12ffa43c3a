import FormwrightStorage
import GRDB

/// Creates app tables from their schema and keeps the metadata tables that record them.
///
/// `_formwright_tables` holds one row per app table, `_formwright_columns` one per field ever
/// created, with its type; `in_schema` marks what the latest migration made current (the others are kept, hidden,
/// until a destructive migration drops them). Rows are keyed
/// by ASCII-folded names, as SQLite matches identifiers.
enum SQLiteSchemaStore {
    static func createMetadata(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS \(SQLiteNames.quote(SQLiteNames.tablesTable)) (
                    app TEXT NOT NULL, table_key TEXT NOT NULL, table_name TEXT NOT NULL,
                    position INTEGER NOT NULL, in_schema INTEGER NOT NULL,
                    PRIMARY KEY (app, table_key)
                ) STRICT;
                CREATE TABLE IF NOT EXISTS \(SQLiteNames.quote(SQLiteNames.columnsTable)) (
                    app TEXT NOT NULL, table_key TEXT NOT NULL, column_key TEXT NOT NULL, column_name TEXT NOT NULL,
                    position INTEGER NOT NULL, column_type TEXT NOT NULL, money_scale INTEGER, link_table TEXT,
                    is_unique INTEGER NOT NULL, in_schema INTEGER NOT NULL, is_indexed INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (app, table_key, column_key)
                ) STRICT;
                CREATE TABLE IF NOT EXISTS \(SQLiteNames.quote(SQLiteNames.migrationsTable)) (
                    app TEXT NOT NULL, revision TEXT NOT NULL, applied_at INTEGER NOT NULL, steps TEXT NOT NULL
                ) STRICT;
                CREATE TABLE IF NOT EXISTS \(SQLiteNames.quote(SQLiteNames.seedsTable)) (
                    app TEXT NOT NULL, table_key TEXT NOT NULL, table_name TEXT NOT NULL, file_hash TEXT NOT NULL,
                    record_count INTEGER NOT NULL, loaded_at INTEGER NOT NULL,
                    PRIMARY KEY (app, table_key)
                ) STRICT;
                """)
        if try !hasIndexedColumn(db) {
            try db.execute(sql: "ALTER TABLE \(SQLiteNames.quote(SQLiteNames.columnsTable)) ADD COLUMN is_indexed INTEGER NOT NULL DEFAULT 0")
        }
    }

    /// Whether the columns table records index flags; a file written before indexes existed does
    /// not until its next migration adds the column, and reads as having no field indexed.
    private static func hasIndexedColumn(_ db: Database) throws -> Bool {
        try db.columns(in: SQLiteNames.columnsTable).contains { $0.name == "is_indexed" }
    }

    /// The select-list item giving each metadata row's index flag, older files included.
    private static func indexedSelection(_ db: Database) throws -> String {
        try hasIndexedColumn(db) ? "is_indexed" : "0 AS is_indexed"
    }

    /// A field as a metadata row records it.
    private static func column(_ row: Row) throws -> ColumnSchema {
        ColumnSchema(
            name: try row.decode(forColumn: "column_name"), type: try columnType(row), isUnique: try row.decode(forColumn: "is_unique"),
            isIndexed: try row.decode(forColumn: "is_indexed"))
    }

    /// The app's current schema as the latest prepare recorded it, or nil when it has none.
    static func load(app: String, _ db: Database) throws -> AppSchema? {
        guard try db.tableExists(SQLiteNames.tablesTable) else { return nil }
        let tableRows = try Row.fetchAll(
            db,
            sql: "SELECT table_key, table_name FROM \(SQLiteNames.quote(SQLiteNames.tablesTable)) WHERE app = ? AND in_schema = 1 ORDER BY position",
            arguments: [app])
        if tableRows.isEmpty { return nil }
        let indexed = try indexedSelection(db)
        let columnRows = try Row.fetchAll(
            db,
            sql: """
                SELECT table_key, column_name, column_type, money_scale, link_table, is_unique, \(indexed)
                FROM \(SQLiteNames.quote(SQLiteNames.columnsTable)) WHERE app = ? AND in_schema = 1 ORDER BY position
                """,
            arguments: [app])
        var columnsByTable: [String: [ColumnSchema]] = [:]
        for row in columnRows {
            let tableKey: String = try row.decode(forColumn: "table_key")
            columnsByTable[tableKey, default: []].append(try column(row))
        }
        let tables = try tableRows.map { row in
            TableSchema(name: try row.decode(forColumn: "table_name"), columns: columnsByTable[try row.decode(forColumn: "table_key")] ?? [])
        }
        return try AppSchema(app: app, tables: tables)
    }

    /// Every table and field the file holds for `app`, hidden ones (no longer in the schema) included.
    static func storedTables(app: String, _ db: Database) throws -> [TableSchema] {
        guard try db.tableExists(SQLiteNames.tablesTable) else { return [] }
        let tableRows = try Row.fetchAll(
            db,
            sql: "SELECT table_key, table_name FROM \(SQLiteNames.quote(SQLiteNames.tablesTable)) WHERE app = ? ORDER BY position, table_key",
            arguments: [app])
        let indexed = try indexedSelection(db)
        let columnRows = try Row.fetchAll(
            db,
            sql: """
                SELECT table_key, column_name, column_type, money_scale, link_table, is_unique, \(indexed)
                FROM \(SQLiteNames.quote(SQLiteNames.columnsTable)) WHERE app = ? ORDER BY position, column_key
                """,
            arguments: [app])
        var columnsByTable: [String: [ColumnSchema]] = [:]
        for row in columnRows {
            let tableKey: String = try row.decode(forColumn: "table_key")
            columnsByTable[tableKey, default: []].append(try column(row))
        }
        return try tableRows.map { row in
            TableSchema(name: try row.decode(forColumn: "table_name"), columns: columnsByTable[try row.decode(forColumn: "table_key")] ?? [])
        }
    }

    /// Replaces the app's metadata rows with `stored`; tables and fields of `current` are marked
    /// as the app's schema, the others as kept but hidden.
    static func writeMetadata(app: String, stored: [TableSchema], current: [TableSchema], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM \(SQLiteNames.quote(SQLiteNames.tablesTable)) WHERE app = ?", arguments: [app])
        try db.execute(sql: "DELETE FROM \(SQLiteNames.quote(SQLiteNames.columnsTable)) WHERE app = ?", arguments: [app])
        let currentKeys = Dictionary(
            current.map { (SchemaRules.foldedKey($0.name), Set($0.columns.map { SchemaRules.foldedKey($0.name) })) },
            uniquingKeysWith: { first, _ in first })
        for (tablePosition, table) in stored.enumerated() {
            let tableKey = SchemaRules.foldedKey(table.name)
            let currentFields = currentKeys[tableKey]
            try db.execute(
                sql: """
                    INSERT INTO \(SQLiteNames.quote(SQLiteNames.tablesTable)) (app, table_key, table_name, position, in_schema)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [app, tableKey, table.name, tablePosition, currentFields != nil])
            for (columnPosition, column) in table.columns.enumerated() {
                var scale: Int?
                var linkTable: String?
                switch column.type {
                case .money(let moneyScale): scale = moneyScale
                case .link(let target): linkTable = target
                default: break
                }
                let columnKey = SchemaRules.foldedKey(column.name)
                try db.execute(
                    sql: """
                        INSERT INTO \(SQLiteNames.quote(SQLiteNames.columnsTable))
                            (app, table_key, column_key, column_name, position, column_type, money_scale, link_table, is_unique, in_schema,
                            is_indexed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        app, tableKey, columnKey, column.name, columnPosition, column.type.name, scale, linkTable, column.isUnique,
                        currentFields?.contains(columnKey) ?? false, column.isIndexed,
                    ])
            }
        }
    }

    /// Makes each field's unique index exist exactly when the field is unique, and its plain
    /// index exactly when it is indexed and not unique.
    static func syncIndexes(app: String, tables: [TableSchema], _ db: Database) throws {
        for table in tables {
            let sqlTable = SQLTableName(app: app, table: table.name)
            for column in table.columns {
                let quotedColumn = SQLiteNames.quote(SQLiteNames.column(column.name))
                let unique = SQLiteNames.quote(SQLiteNames.uniqueIndex(app: app, table: table.name, field: column.name))
                if column.isUnique {
                    try db.execute(sql: "CREATE UNIQUE INDEX IF NOT EXISTS \(unique) ON \(sqlTable.quoted) (\(quotedColumn))")
                } else {
                    try db.execute(sql: "DROP INDEX IF EXISTS \(unique)")
                }
                let plain = SQLiteNames.quote(SQLiteNames.index(app: app, table: table.name, field: column.name))
                if column.needsPlainIndex {
                    try db.execute(sql: "CREATE INDEX IF NOT EXISTS \(plain) ON \(sqlTable.quoted) (\(quotedColumn))")
                } else {
                    try db.execute(sql: "DROP INDEX IF EXISTS \(plain)")
                }
            }
        }
    }

    /// The field type a metadata row records.
    static func columnType(_ row: Row) throws -> ColumnType {
        let name: String = try row.decode(forColumn: "column_type")
        let scale: Int? = try row.decode(forColumn: "money_scale")
        let linkTable: String? = try row.decode(forColumn: "link_table")
        guard let type = ColumnType(name: name, scale: scale, linkTable: linkTable) else {
            throw StorageError(.backendFailure, "the store records an unknown field type '\(name)'")
        }
        return type
    }
}
