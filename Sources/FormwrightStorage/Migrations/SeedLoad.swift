public import FormwrightCore

/// One seed data file loaded into a table, as a store records it (`_formwright_seeds` on SQLite,
/// `"_formwright"."seeds"` on PostgreSQL) so that it is never loaded twice.
public struct SeedLoad: Sendable, Hashable {
    /// The app whose table was seeded.
    public var app: String
    /// The table seeded.
    public var table: String
    /// A hash of the file's bytes, to tell later whether the file changed.
    public var fileHash: String
    /// How many records the file created.
    public var recordCount: Int
    /// When it was loaded (microsecond precision, UTC).
    public var loadedAt: Timestamp

    /// Creates a seed record.
    ///
    /// - Parameters:
    ///   - app: the app whose table was seeded.
    ///   - table: the table seeded.
    ///   - fileHash: a hash of the file's bytes.
    ///   - recordCount: how many records it created.
    ///   - loadedAt: when it was loaded.
    public init(app: String, table: String, fileHash: String, recordCount: Int, loadedAt: Timestamp) {
        self.app = app
        self.table = table
        self.fileHash = fileHash
        self.recordCount = recordCount
        self.loadedAt = loadedAt
    }
}
