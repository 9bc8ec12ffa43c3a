import FormwrightStorage

/// The SQL text of one app table, built once per schema rather than on every statement.
struct SQLiteTableSQL: Sendable {
    /// The table's name, quoted.
    let quotedName: String
    /// The fixed columns, then every field's column in schema order.
    let selectList: String
    /// Reads one record by id.
    let selectByID: String
    /// Inserts one record: the fixed columns, then every field.
    let insert: String
    /// Deletes one record by id.
    let delete: String

    init(app: String, table: TableSchema) {
        quotedName = SQLTableName(app: app, table: table.name).quoted
        let columns =
            ["id", "version", "created_at", "updated_at", "revision"] + table.columns.map { SQLiteNames.quote(SQLiteNames.column($0.name)) }
        selectList = columns.joined(separator: ", ")
        selectByID = "SELECT \(selectList) FROM \(quotedName) WHERE id = ?"
        insert = "INSERT INTO \(quotedName) (\(selectList)) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
        delete = "DELETE FROM \(quotedName) WHERE id = ?"
    }
}
