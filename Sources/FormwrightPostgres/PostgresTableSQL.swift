import FormwrightStorage

/// The SQL text of one app table, built once per schema rather than on every statement.
struct PostgresTableSQL: Sendable {
    /// The table's name, schema-qualified and quoted.
    let quotedName: String
    /// The fixed columns, then every field's column in schema order.
    let selectList: String
    /// Reads one record by id (`$1`).
    let selectByID: String
    /// Inserts one record: the fixed columns, then every field, as `$1…$n`.
    let insert: String
    /// Deletes one record by id (`$1`).
    let delete: String
    /// Each unique field's index name, mapped to the field's name.
    let fieldsByUniqueIndex: [String: String]

    init(app: String, table: TableSchema) {
        quotedName = PostgresNames.qualified(app: app, table: table.name)
        let columns =
            ["id", "version", "created_at", "updated_at", "revision"]
            + table.columns.map { PostgresNames.quote(PostgresNames.column($0.name)) }
        selectList = columns.joined(separator: ", ")
        selectByID = "SELECT \(selectList) FROM \(quotedName) WHERE id = $1"
        let placeholders = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
        insert = "INSERT INTO \(quotedName) (\(selectList)) VALUES (\(placeholders))"
        delete = "DELETE FROM \(quotedName) WHERE id = $1"
        var indexes: [String: String] = [:]
        for column in table.columns where column.isUnique {
            indexes[PostgresNames.uniqueIndex(table: table.name, field: column.name)] = column.name
        }
        fieldsByUniqueIndex = indexes
    }
}
