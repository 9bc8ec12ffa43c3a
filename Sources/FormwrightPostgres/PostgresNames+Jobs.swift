extension PostgresNames {
    /// The name of an app's job table inside the app's schema, unquoted: `Jobs`. App tables are
    /// named by their ASCII-folded (lower-case) names, so a name with an upper-case letter is
    /// never one of them.
    public static let jobsTable = "Jobs"

    /// The job table, schema-qualified and quoted.
    static func jobs(app: String) -> String {
        quote(app) + "." + quote(jobsTable)
    }

    /// The name of one of the job table's indexes, unquoted; upper case keeps it apart from
    /// app tables and their unique indexes, which share the schema's namespace.
    static func jobsIndex(_ purpose: String) -> String {
        "\(jobsTable)_\(purpose)"
    }
}
