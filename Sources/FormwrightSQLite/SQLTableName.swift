/// An app table's SQL name, as stored and as written in SQL.
struct SQLTableName {
    /// The name without quotes.
    let raw: String
    /// The name quoted for SQL.
    let quoted: String

    init(app: String, table: String) {
        raw = SQLiteNames.table(app: app, table: table)
        quoted = SQLiteNames.quote(raw)
    }
}
