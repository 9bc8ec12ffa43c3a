public import FormwrightStorage

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
        /// Another process held the store's write lock too long; the same request may succeed later.
        case busy
        /// The store has no room for the write (a full disk or the store's size cap); nothing was written.
        case full
        /// The store refuses writes (opened read-only, or a read-only file or database).
        case readOnly
        /// The request does not fit the state of what it names, such as retrying a run that has not failed.
        case conflict
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

    /// A store's error as a runtime error of the matching kind, keeping its message.
    ///
    /// `notFound`, `versionConflict` and query errors keep their meaning; `busy`, `full` and
    /// `readOnly` keep theirs; anything else is the store being unavailable.
    public init(_ error: StorageError) {
        let kind: Kind =
            switch error.code {
            case .notFound: .notFound
            case .versionConflict: .versionConflict
            case .invalidCursor, .invalidQuery: .badRequest
            case .busy: .busy
            case .full: .full
            case .readOnly: .readOnly
            default: .unavailable
            }
        self.init(kind, error.message)
    }
}
