extension SQLiteNames {
    /// The metadata table recording every applied migration: app, revision, time (microseconds) and
    /// steps (a JSON array of their descriptions).
    public static let migrationsTable = "_formwright_migrations"
    /// The metadata table recording every seed file loaded: app, table, file hash, count and time.
    public static let seedsTable = "_formwright_seeds"

    /// The name a field's column has while a type change copies its values, unquoted; the
    /// leading `_` keeps it apart from every field column (`f_…`) and fixed column.
    static func migratingColumn(_ field: String) -> String {
        "_migrating_\(field)"
    }
}
