extension SQLiteNames {
    /// The SQL name of an app's job table, unquoted: `<app>_jobs`. App tables are `<app>__<table>`
    /// and app names hold no `_`, so no app table — of this app or another — can have this name.
    public static func jobsTable(app: String) -> String {
        "\(app)_jobs"
    }

    /// The SQL names of the job table's indexes, unquoted; like the table's name, they hold no `__`.
    static func jobsIndex(app: String, _ purpose: String) -> String {
        "\(app)_jobs_\(purpose)"
    }
}
