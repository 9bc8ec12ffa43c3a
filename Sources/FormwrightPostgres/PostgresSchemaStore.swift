import FormwrightStorage
import PostgresNIO

/// Creates app schemas and tables and keeps the metadata tables that record them.
///
/// `"_formwright"."tables"` holds one row per app table, `"_formwright"."columns"` one per
/// field ever created, with its type; `in_schema` marks what the latest prepare or migration
/// made current (the others are kept, hidden, until a destructive migration drops them). Rows
/// are keyed by ASCII-folded names, as the SQL names are. Every prepare and migration holds one
/// advisory lock for its whole transaction, so processes preparing or migrating at the same
/// moment take turns instead of racing on `CREATE … IF NOT EXISTS`.
enum PostgresSchemaStore {
    /// The advisory lock key every prepare and migration takes ("Formwrit" in ASCII).
    static let prepareLockKey: Int64 = 0x466F_726D_7772_6974

    static var tables: String { PostgresNames.metadata(PostgresNames.tablesTable) }
    static var columns: String { PostgresNames.metadata(PostgresNames.columnsTable) }

    /// Whether a metadata table exists yet (a database no prepare or migration has touched has
    /// none; one prepared before migrations existed lacks the migration and seed tables).
    static func metadataExists(_ connection: PostgresConnection, _ logger: Logger, table: String = PostgresNames.columnsTable) async throws -> Bool {
        var exists = PostgresStatement()
        exists.sql = "SELECT to_regclass(\(exists.parameter(PostgresNames.metadata(table)))) IS NOT NULL"
        let found = try await connection.query(exists.query, logger: logger).collect()
        return try found.first?.decode(Bool.self) == true
    }

    /// The app's current schema as the latest prepare recorded it, or nil when it has none.
    static func load(app: String, _ connection: PostgresConnection, _ logger: Logger) async throws -> AppSchema? {
        guard try await metadataExists(connection, logger) else { return nil }
        var tableQuery = PostgresStatement()
        tableQuery.sql = "SELECT table_key, table_name FROM \(tables) WHERE app = \(tableQuery.parameter(app)) AND in_schema ORDER BY position"
        let tableRows = try await connection.query(tableQuery.query, logger: logger).collect()
        if tableRows.isEmpty { return nil }
        var columnQuery = PostgresStatement()
        columnQuery.sql = """
            SELECT table_key, \(columnSelection) FROM \(columns) AS c WHERE app = \(columnQuery.parameter(app)) AND in_schema ORDER BY position
            """
        var columnsByTable: [String: [ColumnSchema]] = [:]
        for row in try await connection.query(columnQuery.query, logger: logger).collect() {
            let (tableKey, column) = try storedColumn(row)
            columnsByTable[tableKey, default: []].append(column)
        }
        let schemaTables = try tableRows.map { row in
            let (tableKey, name) = try row.decode((String, String).self)
            return TableSchema(name: name, columns: columnsByTable[tableKey] ?? [])
        }
        return try AppSchema(app: app, tables: schemaTables)
    }

    /// Creates what `schema` needs and is missing, and records `schema` as the app's current
    /// one; runs inside the caller's transaction.
    static func prepare(_ schema: AppSchema, _ connection: PostgresConnection, _ logger: Logger) async throws {
        func run(_ statement: PostgresStatement) async throws -> [PostgresRow] {
            try await connection.query(statement.query, logger: logger).collect()
        }
        var lock = PostgresStatement()
        lock.sql = "SELECT pg_advisory_xact_lock(\(lock.parameter(prepareLockKey)))"
        _ = try await run(lock)
        try await createMetadata(run)
        let app = schema.app
        _ = try await run(PostgresStatement("CREATE SCHEMA IF NOT EXISTS \(PostgresNames.quote(app))"))
        // The job table is not part of the app's schema: metadata never lists it, every prepare makes sure it exists.
        try await PostgresJobSQL.create(app: app, run)
        var storedQuery = PostgresStatement()
        storedQuery.sql =
            "SELECT table_key, column_key, column_type, money_scale, link_table FROM \(columns) WHERE app = \(storedQuery.parameter(app))"
        var stored: [String: [String: ColumnType]] = [:]
        for row in try await run(storedQuery) {
            let (tableKey, columnKey, typeName, scale, linkTable) = try row.decode((String, String, String, Int64?, String?).self)
            stored[tableKey, default: [:]][columnKey] = try columnType(typeName, scale: scale, linkTable: linkTable)
        }
        for metadata in [tables, columns] {
            var clear = PostgresStatement()
            clear.sql = "UPDATE \(metadata) SET in_schema = FALSE WHERE app = \(clear.parameter(app))"
            _ = try await run(clear)
        }
        for (tablePosition, table) in schema.tables.enumerated() {
            let tableKey = SchemaRules.foldedKey(table.name)
            let qualified = PostgresNames.qualified(app: app, table: table.name)
            _ = try await run(
                PostgresStatement(
                    """
                    CREATE TABLE IF NOT EXISTS \(qualified) (
                        id TEXT COLLATE "C" PRIMARY KEY, version BIGINT NOT NULL, created_at TIMESTAMPTZ NOT NULL,
                        updated_at TIMESTAMPTZ NOT NULL, revision TEXT NOT NULL)
                    """))
            var recordTable = PostgresStatement()
            recordTable.sql = """
                INSERT INTO \(tables) (app, table_key, table_name, position, in_schema)
                VALUES (\(recordTable.parameter(app)), \(recordTable.parameter(tableKey)), \(recordTable.parameter(table.name)),
                    \(recordTable.parameter(Int64(tablePosition))), TRUE)
                ON CONFLICT (app, table_key) DO UPDATE SET table_name = excluded.table_name, position = excluded.position, in_schema = TRUE
                """
            _ = try await run(recordTable)
            for (columnPosition, column) in table.columns.enumerated() {
                let columnKey = SchemaRules.foldedKey(column.name)
                let columnName = PostgresNames.quote(PostgresNames.column(column.name))
                if let existing = stored[tableKey]?[columnKey] {
                    guard existing == column.type else {
                        throw StorageError(
                            .incompatibleSchema,
                            "field '\(column.name)' of table '\(table.name)' is stored as '\(existing.name)', not '\(column.type.name)'",
                            table: table.name, field: column.name)
                    }
                } else {
                    _ = try await run(
                        PostgresStatement("ALTER TABLE \(qualified) ADD COLUMN IF NOT EXISTS \(columnName) \(PostgresNames.sqlType(column.type))"))
                }
                try await prepareIndex(app: app, table: table, column: column, run)
                var recordColumn = PostgresStatement()
                var scale: Int64?
                var linkTable: String?
                switch column.type {
                case .money(let moneyScale): scale = Int64(moneyScale)
                case .link(let target): linkTable = target
                default: break
                }
                let scaleText = scale.map { recordColumn.parameter($0) } ?? "NULL"
                let linkText = linkTable.map { recordColumn.parameter($0) } ?? "NULL"
                recordColumn.sql = """
                    INSERT INTO \(columns) (app, table_key, column_key, column_name, position, column_type, money_scale, link_table, is_unique,
                        in_schema, is_indexed)
                    VALUES (\(recordColumn.parameter(app)), \(recordColumn.parameter(tableKey)), \(recordColumn.parameter(columnKey)),
                        \(recordColumn.parameter(column.name)), \(recordColumn.parameter(Int64(columnPosition))),
                        \(recordColumn.parameter(column.type.name)), \(scaleText), \(linkText), \(column.isUnique ? "TRUE" : "FALSE"), TRUE,
                        \(column.isIndexed ? "TRUE" : "FALSE"))
                    ON CONFLICT (app, table_key, column_key) DO UPDATE SET column_name = excluded.column_name,
                        position = excluded.position, link_table = excluded.link_table, is_unique = excluded.is_unique, in_schema = TRUE,
                        is_indexed = excluded.is_indexed
                    """
                _ = try await run(recordColumn)
            }
        }
    }

    /// Creates the metadata schema and its tables when missing; the caller holds the advisory lock.
    static func createMetadata(_ run: (PostgresStatement) async throws -> [PostgresRow]) async throws {
        _ = try await run(PostgresStatement("CREATE SCHEMA IF NOT EXISTS \(PostgresNames.quote(PostgresNames.metadataSchema))"))
        _ = try await run(
            PostgresStatement(
                """
                CREATE TABLE IF NOT EXISTS \(tables) (
                    app TEXT COLLATE "C" NOT NULL, table_key TEXT COLLATE "C" NOT NULL, table_name TEXT NOT NULL,
                    position BIGINT NOT NULL, in_schema BOOLEAN NOT NULL, PRIMARY KEY (app, table_key))
                """))
        _ = try await run(
            PostgresStatement(
                """
                CREATE TABLE IF NOT EXISTS \(columns) (
                    app TEXT COLLATE "C" NOT NULL, table_key TEXT COLLATE "C" NOT NULL, column_key TEXT COLLATE "C" NOT NULL,
                    column_name TEXT NOT NULL, position BIGINT NOT NULL, column_type TEXT NOT NULL, money_scale BIGINT,
                    link_table TEXT, is_unique BOOLEAN NOT NULL, in_schema BOOLEAN NOT NULL, is_indexed BOOLEAN NOT NULL DEFAULT FALSE,
                    PRIMARY KEY (app, table_key, column_key))
                """))
        // Metadata made before indexes existed lacks the flag; altering only then keeps the usual
        // prepare from locking the metadata table against readers for its whole transaction.
        var flag = PostgresStatement()
        flag.sql = """
            SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = \(flag.parameter(PostgresNames.metadataSchema))
                AND table_name = \(flag.parameter(PostgresNames.columnsTable)) AND column_name = 'is_indexed')
            """
        if try await run(flag).first?.decode(Bool.self) != true {
            _ = try await run(PostgresStatement("ALTER TABLE \(columns) ADD COLUMN IF NOT EXISTS is_indexed BOOLEAN NOT NULL DEFAULT FALSE"))
        }
        _ = try await run(
            PostgresStatement(
                """
                CREATE TABLE IF NOT EXISTS \(PostgresNames.metadata(PostgresNames.migrationsTable)) (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, app TEXT COLLATE "C" NOT NULL, revision TEXT NOT NULL,
                    applied_at TIMESTAMPTZ NOT NULL, steps TEXT NOT NULL)
                """))
        _ = try await run(
            PostgresStatement(
                """
                CREATE TABLE IF NOT EXISTS \(PostgresNames.metadata(PostgresNames.seedsTable)) (
                    app TEXT COLLATE "C" NOT NULL, table_key TEXT COLLATE "C" NOT NULL, table_name TEXT NOT NULL,
                    file_hash TEXT NOT NULL, record_count BIGINT NOT NULL, loaded_at TIMESTAMPTZ NOT NULL,
                    PRIMARY KEY (app, table_key))
                """))
    }

    /// The metadata columns that describe a field, read by ``storedColumn(_:)``. The index flag is read
    /// through `to_jsonb` so that a database whose metadata predates it (no `is_indexed` column
    /// until its next prepare or migration adds one) reads as having no field indexed.
    static let columnSelection =
        "column_name, column_type, money_scale, link_table, is_unique, COALESCE((to_jsonb(c) ->> 'is_indexed')::boolean, FALSE)"

    /// A field as a metadata row selected with ``columnSelection`` after its table key records it.
    static func storedColumn(_ row: PostgresRow) throws -> (tableKey: String, column: ColumnSchema) {
        let (tableKey, name, typeName, scale, linkTable, isUnique, isIndexed) =
            try row.decode((String, String, String, Int64?, String?, Bool, Bool).self)
        let type = try columnType(typeName, scale: scale, linkTable: linkTable)
        return (tableKey, ColumnSchema(name: name, type: type, isUnique: isUnique, isIndexed: isIndexed))
    }

    /// Makes the field's plain index exist exactly when the field needs one (``ColumnSchema/needsPlainIndex``).
    static func syncPlainIndex(
        app: String, table: String, column: ColumnSchema, _ run: (PostgresStatement) async throws -> [PostgresRow]
    ) async throws {
        let index = PostgresNames.index(table: table, field: column.name)
        guard column.needsPlainIndex else {
            _ = try await run(PostgresStatement("DROP INDEX IF EXISTS \(PostgresNames.quote(app)).\(PostgresNames.quote(index))"))
            return
        }
        let qualified = PostgresNames.qualified(app: app, table: table)
        let columnName = PostgresNames.quote(PostgresNames.column(column.name))
        _ = try await run(PostgresStatement("CREATE INDEX IF NOT EXISTS \(PostgresNames.quote(index)) ON \(qualified) (\(columnName))"))
    }

    private static func prepareIndex(
        app: String, table: TableSchema, column: ColumnSchema, _ run: (PostgresStatement) async throws -> [PostgresRow]
    ) async throws {
        try await syncPlainIndex(app: app, table: table.name, column: column, run)
        let index = PostgresNames.uniqueIndex(table: table.name, field: column.name)
        guard column.isUnique else {
            _ = try await run(PostgresStatement("DROP INDEX IF EXISTS \(PostgresNames.quote(app)).\(PostgresNames.quote(index))"))
            return
        }
        let qualified = PostgresNames.qualified(app: app, table: table.name)
        let columnName = PostgresNames.quote(PostgresNames.column(column.name))
        do {
            _ = try await run(PostgresStatement("CREATE UNIQUE INDEX IF NOT EXISTS \(PostgresNames.quote(index)) ON \(qualified) (\(columnName))"))
        } catch  where PostgresErrors.sqlState(error) == PostgresErrors.uniqueViolation {
            throw StorageError(
                .incompatibleSchema, "field '\(column.name)' of table '\(table.name)' cannot be made unique: records share a value",
                table: table.name, field: column.name)
        }
    }

    /// The field type a metadata row records.
    static func columnType(_ name: String, scale: Int64?, linkTable: String?) throws -> ColumnType {
        let moneyScale = scale.flatMap { Int(exactly: $0) }
        guard let type = ColumnType(name: name, scale: moneyScale, linkTable: linkTable) else {
            throw StorageError(.backendFailure, "the store records an unknown field type '\(name)'")
        }
        return type
    }
}
