public import FormwrightCore

/// A migration a store has applied, as recorded in its history (`_formwright_migrations` on SQLite,
/// `"_formwright"."migrations"` on PostgreSQL).
public struct AppliedMigration: Sendable, Hashable {
    /// The app migrated.
    public var app: String
    /// The definition revision the migration led to (empty when the caller named none).
    public var revision: String
    /// When it was applied (microsecond precision, UTC).
    public var appliedAt: Timestamp
    /// What each step did, in plain words, in order.
    public var steps: [String]

    /// Creates a history entry.
    ///
    /// - Parameters:
    ///   - app: the app migrated.
    ///   - revision: the definition revision it led to.
    ///   - appliedAt: when it was applied.
    ///   - steps: the steps' descriptions.
    public init(app: String, revision: String, appliedAt: Timestamp, steps: [String]) {
        self.app = app
        self.revision = revision
        self.appliedAt = appliedAt
        self.steps = steps
    }
}
