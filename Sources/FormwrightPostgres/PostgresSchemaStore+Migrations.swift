import FormwrightStorage
import PostgresNIO

extension PostgresSchemaStore {
    /// Every table and field the metadata records for `app`, hidden ones (no longer in the schema) included.
    static func storedTables(app: String, _ connection: PostgresConnection, _ logger: Logger) async throws -> [TableSchema] {
        guard try await metadataExists(connection, logger) else { return [] }
        var tableQuery = PostgresStatement()
        tableQuery.sql = "SELECT table_key, table_name FROM \(tables) WHERE app = \(tableQuery.parameter(app)) ORDER BY position, table_key"
        let tableRows = try await connection.query(tableQuery.query, logger: logger).collect()
        var columnQuery = PostgresStatement()
        columnQuery.sql = """
            SELECT table_key, \(columnSelection) FROM \(columns) AS c WHERE app = \(columnQuery.parameter(app)) ORDER BY position, column_key
            """
        var columnsByTable: [String: [ColumnSchema]] = [:]
        for row in try await connection.query(columnQuery.query, logger: logger).collect() {
            let (tableKey, column) = try storedColumn(row)
            columnsByTable[tableKey, default: []].append(column)
        }
        return try tableRows.map { row in
            let (tableKey, name) = try row.decode((String, String).self)
            return TableSchema(name: name, columns: columnsByTable[tableKey] ?? [])
        }
    }

    /// Replaces the app's metadata rows with `stored`; tables and fields of `current` are marked
    /// as the app's schema, the others as kept but hidden. Runs inside the caller's transaction.
    static func writeMetadata(
        app: String, stored: [TableSchema], current: [TableSchema], _ run: (PostgresStatement) async throws -> [PostgresRow]
    ) async throws {
        for metadata in [tables, columns] {
            var clear = PostgresStatement()
            clear.sql = "DELETE FROM \(metadata) WHERE app = \(clear.parameter(app))"
            _ = try await run(clear)
        }
        let currentKeys = Dictionary(
            current.map { (SchemaRules.foldedKey($0.name), Set($0.columns.map { SchemaRules.foldedKey($0.name) })) },
            uniquingKeysWith: { first, _ in first })
        for (tablePosition, table) in stored.enumerated() {
            let tableKey = SchemaRules.foldedKey(table.name)
            let currentFields = currentKeys[tableKey]
            var recordTable = PostgresStatement()
            recordTable.sql = """
                INSERT INTO \(tables) (app, table_key, table_name, position, in_schema)
                VALUES (\(recordTable.parameter(app)), \(recordTable.parameter(tableKey)), \(recordTable.parameter(table.name)),
                    \(recordTable.parameter(Int64(tablePosition))), \(currentFields != nil ? "TRUE" : "FALSE"))
                """
            _ = try await run(recordTable)
            for (columnPosition, column) in table.columns.enumerated() {
                let columnKey = SchemaRules.foldedKey(column.name)
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
                let inSchema = currentFields?.contains(columnKey) ?? false
                recordColumn.sql = """
                    INSERT INTO \(columns) (app, table_key, column_key, column_name, position, column_type, money_scale, link_table, is_unique,
                        in_schema, is_indexed)
                    VALUES (\(recordColumn.parameter(app)), \(recordColumn.parameter(tableKey)), \(recordColumn.parameter(columnKey)),
                        \(recordColumn.parameter(column.name)), \(recordColumn.parameter(Int64(columnPosition))),
                        \(recordColumn.parameter(column.type.name)), \(scaleText), \(linkText), \(column.isUnique ? "TRUE" : "FALSE"),
                        \(inSchema ? "TRUE" : "FALSE"), \(column.isIndexed ? "TRUE" : "FALSE"))
                    """
                _ = try await run(recordColumn)
            }
        }
    }
}
