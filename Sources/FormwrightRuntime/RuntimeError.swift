/// A request the runtime cannot carry out, with the kind an HTTP layer maps to a status.
public struct RuntimeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: Sendable, Hashable {
        /// The app, form, table or record does not exist.
        case notFound
        /// The record changed since the version the caller named.
        case versionConflict
        /// The request itself is malformed (a bad cursor, a bad limit).
        case badRequest
        /// The store cannot serve the request now.
        case unavailable
    }

    /// What kind of failure.
    public var kind: Kind
    /// A message for the caller, naming what it is about.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
