import FormwrightStorage

/// An app's schema with the SQL text of each of its tables.
struct PostgresAppSchema: Sendable {
    let schema: AppSchema
    private let sqlByTable: [String: PostgresTableSQL]

    init(_ schema: AppSchema) {
        self.schema = schema
        sqlByTable = Dictionary(
            schema.tables.map { ($0.name, PostgresTableSQL(app: schema.app, table: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The SQL text of `table`, which must belong to this schema.
    func sql(_ table: TableSchema) -> PostgresTableSQL {
        sqlByTable[table.name] ?? PostgresTableSQL(app: schema.app, table: table)
    }
}
