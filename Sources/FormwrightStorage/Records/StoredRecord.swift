public import FormwrightCore

/// One record as storage holds it: the fixed properties every record has, and its fields.
public struct StoredRecord: Sendable, Hashable {
    /// The record's opaque, URL-safe id, unique in its table.
    public var id: String
    /// Starts at 1 and grows by one on every update; callers pass it back to detect lost updates.
    public var version: Int64
    /// When the record was inserted (microsecond precision, UTC).
    public var createdAt: Timestamp
    /// When the record was last written (microsecond precision, UTC).
    public var updatedAt: Timestamp
    /// The definition revision the record was last written under.
    public var revision: String
    /// Every field of the table's schema by name; an empty field is `.null`.
    public var fields: [String: Value]

    /// Creates a record value.
    ///
    /// - Parameters:
    ///   - id: the record's id.
    ///   - version: its version, 1 when new.
    ///   - createdAt: when it was inserted.
    ///   - updatedAt: when it was last written.
    ///   - revision: the definition revision it was written under.
    ///   - fields: its fields by name.
    public init(id: String, version: Int64, createdAt: Timestamp, updatedAt: Timestamp, revision: String, fields: [String: Value]) {
        self.id = id
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.revision = revision
        self.fields = fields
    }
}
