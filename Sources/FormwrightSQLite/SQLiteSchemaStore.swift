import FormwrightStorage
import GRDB

/// Creates app tables from their schema and keeps the metadata tables that record them.
///
/// `_formwright_tables` holds one row per app table, `_formwright_columns` one per field ever
/// created, with its type; `in_schema` marks what the latest prepare asked for. Rows are keyed
/// by ASCII-folded names, as SQLite matches identifiers.
enum SQLiteSchemaStore {
    private struct StoredColumn {
        var type: ColumnType
    }

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
                    is_unique INTEGER NOT NULL, in_schema INTEGER NOT NULL,
                    PRIMARY KEY (app, table_key, column_key)
                ) STRICT;
                """)
    }

    /// The app's current schema as the latest prepare recorded it, or nil when it has none.
    static func load(app: String, _ db: Database) throws -> AppSchema? {
        guard try db.tableExists(SQLiteNames.tablesTable) else { return nil }
        let tableRows = try Row.fetchAll(
            db,
            sql: "SELECT table_key, table_name FROM \(SQLiteNames.quote(SQLiteNames.tablesTable)) WHERE app = ? AND in_schema = 1 ORDER BY position",
            arguments: [app])
        if tableRows.isEmpty { return nil }
        let columnRows = try Row.fetchAll(
            db,
            sql: """
                SELECT table_key, column_name, column_type, money_scale, link_table, is_unique
                FROM \(SQLiteNames.quote(SQLiteNames.columnsTable)) WHERE app = ? AND in_schema = 1 ORDER BY position
                """,
            arguments: [app])
        var columnsByTable: [String: [ColumnSchema]] = [:]
        for row in columnRows {
            let tableKey: String = try row.decode(forColumn: "table_key")
            let name: String = try row.decode(forColumn: "column_name")
            let type = try columnType(row)
            columnsByTable[tableKey, default: []].append(ColumnSchema(name: name, type: type, isUnique: try row.decode(forColumn: "is_unique")))
        }
        let tables = try tableRows.map { row in
            TableSchema(name: try row.decode(forColumn: "table_name"), columns: columnsByTable[try row.decode(forColumn: "table_key")] ?? [])
        }
        return try AppSchema(app: app, tables: tables)
    }

    /// Creates what `schema` needs and is missing, and records `schema` as the app's current one.
    static func prepare(_ schema: AppSchema, _ db: Database) throws {
        try createMetadata(db)
        let app = schema.app
        let stored = try storedColumns(app: app, db)
        try db.execute(sql: "UPDATE \(SQLiteNames.quote(SQLiteNames.tablesTable)) SET in_schema = 0 WHERE app = ?", arguments: [app])
        try db.execute(sql: "UPDATE \(SQLiteNames.quote(SQLiteNames.columnsTable)) SET in_schema = 0 WHERE app = ?", arguments: [app])
        for (tablePosition, table) in schema.tables.enumerated() {
            let tableKey = SchemaRules.foldedKey(table.name)
            let sqlTable = SQLTableName(app: app, table: table.name)
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS \(sqlTable.quoted) (
                        id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL, revision TEXT NOT NULL
                    ) STRICT
                    """)
            try db.execute(
                sql: """
                    INSERT INTO \(SQLiteNames.quote(SQLiteNames.tablesTable)) (app, table_key, table_name, position, in_schema)
                    VALUES (?, ?, ?, ?, 1)
                    ON CONFLICT (app, table_key) DO UPDATE SET table_name = excluded.table_name, position = excluded.position, in_schema = 1
                    """,
                arguments: [app, tableKey, table.name, tablePosition])
            for (columnPosition, column) in table.columns.enumerated() {
                let columnKey = SchemaRules.foldedKey(column.name)
                if let existing = stored[tableKey]?[columnKey] {
                    guard existing.type == column.type else {
                        throw StorageError(
                            .incompatibleSchema,
                            "field '\(column.name)' of table '\(table.name)' is stored as '\(existing.type.name)', not '\(column.type.name)'",
                            table: table.name, field: column.name)
                    }
                } else {
                    let columnName = SQLiteNames.quote(SQLiteNames.column(column.name))
                    try db.execute(sql: "ALTER TABLE \(sqlTable.quoted) ADD COLUMN \(columnName) \(SQLiteNames.sqlType(column.type))")
                }
                try prepareIndex(app: app, table: table, column: column, db)
                try record(app: app, tableKey: tableKey, column: column, position: columnPosition, db)
            }
        }
    }

    private static func prepareIndex(app: String, table: TableSchema, column: ColumnSchema, _ db: Database) throws {
        let index = SQLiteNames.quote(SQLiteNames.uniqueIndex(app: app, table: table.name, field: column.name))
        guard column.isUnique else {
            try db.execute(sql: "DROP INDEX IF EXISTS \(index)")
            return
        }
        let sqlTable = SQLTableName(app: app, table: table.name)
        do {
            try db.execute(
                sql: "CREATE UNIQUE INDEX IF NOT EXISTS \(index) ON \(sqlTable.quoted) (\(SQLiteNames.quote(SQLiteNames.column(column.name))))")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StorageError(
                .incompatibleSchema, "field '\(column.name)' of table '\(table.name)' cannot be made unique: records share a value",
                table: table.name, field: column.name)
        }
    }

    private static func record(app: String, tableKey: String, column: ColumnSchema, position: Int, _ db: Database) throws {
        var scale: Int?
        var linkTable: String?
        switch column.type {
        case .money(let moneyScale): scale = moneyScale
        case .link(let target): linkTable = target
        default: break
        }
        try db.execute(
            sql: """
                INSERT INTO \(SQLiteNames.quote(SQLiteNames.columnsTable))
                    (app, table_key, column_key, column_name, position, column_type, money_scale, link_table, is_unique, in_schema)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (app, table_key, column_key) DO UPDATE SET column_name = excluded.column_name,
                    position = excluded.position, link_table = excluded.link_table, is_unique = excluded.is_unique, in_schema = 1
                """,
            arguments: [
                app, tableKey, SchemaRules.foldedKey(column.name), column.name, position, column.type.name, scale, linkTable,
                column.isUnique,
            ])
    }

    /// The field type a metadata row records.
    private static func columnType(_ row: Row) throws -> ColumnType {
        let name: String = try row.decode(forColumn: "column_type")
        let scale: Int? = try row.decode(forColumn: "money_scale")
        let linkTable: String? = try row.decode(forColumn: "link_table")
        guard let type = ColumnType(name: name, scale: scale, linkTable: linkTable) else {
            throw StorageError(.backendFailure, "the store records an unknown field type '\(name)'")
        }
        return type
    }

    private static func storedColumns(app: String, _ db: Database) throws -> [String: [String: StoredColumn]] {
        var result: [String: [String: StoredColumn]] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT table_key, column_key, column_type, money_scale, link_table
                FROM \(SQLiteNames.quote(SQLiteNames.columnsTable)) WHERE app = ?
                """,
            arguments: [app])
        for row in rows {
            let tableKey: String = try row.decode(forColumn: "table_key")
            let columnKey: String = try row.decode(forColumn: "column_key")
            result[tableKey, default: [:]][columnKey] = StoredColumn(type: try columnType(row))
        }
        return result
    }
}
