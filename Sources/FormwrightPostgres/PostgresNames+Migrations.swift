extension PostgresNames {
    /// The metadata table recording every applied migration: app, revision, time and steps (a
    /// JSON array of their descriptions), in the order applied.
    public static let migrationsTable = "migrations"
    /// The metadata table recording every seed file loaded: app, table, file hash, count and time.
    public static let seedsTable = "seeds"

    /// The column a field's values are copied into while its type changes, unquoted; the leading
    /// `_` keeps it apart from every field column (`f_…`) and fixed column, and it never lives
    /// past the step that makes it.
    static let migratingColumn = "_migrating"
}
