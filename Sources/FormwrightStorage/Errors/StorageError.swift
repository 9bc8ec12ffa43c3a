/// An error from a storage backend: a stable ``Code`` to branch on, and a message for people.
///
/// The message names its context and grows as the error crosses layers
/// (`opening store 'sqlite:data.sqlite': unable to open database file`). Branch on ``code``,
/// never on the message:
///
/// ```swift
/// do {
///     try await store.write(app: "crm") { try $0.update(table: "deals", id: id, fields: changes, expectedVersion: 3, revision: rev, now: now) }
/// } catch let error as StorageError where error.code == .versionConflict {
///     // answer 412
/// }
/// ```
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a stable, extensible set of codes.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case notFound, versionConflict, uniqueViolation, alreadyExists
            case unknownTable, unknownField, invalidValue, invalidQuery, invalidCursor
            case invalidSchema, incompatibleSchema
            case invalidStoreURL, unsupportedStore, unavailable, busy, full, readOnly, closed, backendFailure, outdatedPlan
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The record (or table row) asked for does not exist.
        public static let notFound = Code(.notFound)
        /// The record changed since the version the caller expected.
        public static let versionConflict = Code(.versionConflict)
        /// A unique field already holds this value in another record; ``StorageError/field`` names it.
        public static let uniqueViolation = Code(.uniqueViolation)
        /// A record with the id given on insert already exists.
        public static let alreadyExists = Code(.alreadyExists)
        /// The table is not part of the app's prepared schema.
        public static let unknownTable = Code(.unknownTable)
        /// The field is not part of the table's schema.
        public static let unknownField = Code(.unknownField)
        /// A value does not fit its column's type; ``StorageError/field`` names the field.
        public static let invalidValue = Code(.invalidValue)
        /// A query asks for something storage cannot do (a bad limit, an unsortable column).
        public static let invalidQuery = Code(.invalidQuery)
        /// A paging cursor is malformed or belongs to a different query.
        public static let invalidCursor = Code(.invalidCursor)
        /// A schema or an app name cannot be stored (empty or clashing names, a bad scale).
        public static let invalidSchema = Code(.invalidSchema)
        /// The stored tables disagree with the schema in a way only a migration can fix.
        public static let incompatibleSchema = Code(.incompatibleSchema)
        /// A store URL cannot be parsed.
        public static let invalidStoreURL = Code(.invalidStoreURL)
        /// The store URL names a kind of store this build does not support yet.
        public static let unsupportedStore = Code(.unsupportedStore)
        /// The store cannot be reached or opened.
        public static let unavailable = Code(.unavailable)
        /// Another connection or process held the store's write lock for longer than the busy
        /// timeout; the same write may succeed later.
        public static let busy = Code(.busy)
        /// The store has no room for the write: the disk is full, its files cannot be written, or
        /// the store's size cap is reached. Nothing of the transaction was written.
        public static let full = Code(.full)
        /// The store refuses writes (a read-only file or database, or a store opened read-only).
        public static let readOnly = Code(.readOnly)
        /// The store was closed.
        public static let closed = Code(.closed)
        /// The backend failed in a way not covered by another code.
        public static let backendFailure = Code(.backendFailure)
        /// The stored tables changed since a migration plan was made (another process migrated
        /// first); nothing was changed, and a new plan is needed.
        public static let outdatedPlan = Code(.outdatedPlan)

        /// The code's stable name, such as `versionConflict`.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// What went wrong, in words, with the context it happened in.
    public let message: String
    /// The table concerned, when there is one.
    public let table: String?
    /// The field concerned, when there is one (the unique field, the invalid value's field).
    public let field: String?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: what went wrong.
    ///   - message: a lower-case sentence without trailing period, names in single quotes.
    ///   - table: the table concerned.
    ///   - field: the field concerned.
    public init(_ code: Code, _ message: String, table: String? = nil, field: String? = nil) {
        self.code = code
        self.message = message
        self.table = table
        self.field = field
    }

    /// The same error with `context` put before its message (`opening store 'x': …`).
    public func inContext(_ context: String) -> StorageError {
        StorageError(code, "\(context): \(message)", table: table, field: field)
    }

    /// The message.
    public var description: String { message }
}

extension StorageError {
    /// The table is not in the app's schema.
    public static func unknownTable(_ table: String, app: String) -> StorageError {
        StorageError(.unknownTable, "unknown table '\(table)' in app '\(app)'", table: table)
    }

    /// The field is not in the table's schema.
    public static func unknownField(_ field: String, table: String) -> StorageError {
        StorageError(.unknownField, "unknown field '\(field)' in table '\(table)'", table: table, field: field)
    }

    /// No record has this id.
    public static func notFound(id: String, table: String) -> StorageError {
        StorageError(.notFound, "no record '\(id)' in table '\(table)'", table: table)
    }

    /// The record's stored version is not the one the caller expected.
    public static func versionConflict(id: String, table: String, expected: Int64, found: Int64) -> StorageError {
        StorageError(
            .versionConflict, "record '\(id)' in table '\(table)' is at version \(found), not \(expected)", table: table)
    }

    /// Another record already holds the unique field's value.
    public static func uniqueViolation(table: String, field: String) -> StorageError {
        StorageError(
            .uniqueViolation, "another record in table '\(table)' already has this '\(field)'", table: table, field: field)
    }

    /// A record with the given id already exists.
    public static func alreadyExists(id: String, table: String) -> StorageError {
        StorageError(.alreadyExists, "a record '\(id)' already exists in table '\(table)'", table: table)
    }

    /// A caller-given record id is not a valid id.
    public static func invalidID(_ id: String, table: String) -> StorageError {
        StorageError(.invalidValue, "record id '\(id)' must be 1 to 128 URL-safe characters", table: table)
    }
}
