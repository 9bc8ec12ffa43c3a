/// Where a store lives, parsed from the text given to `--store`.
///
/// - `sqlite:PATH` — an SQLite file; a relative path is taken from the current directory.
///   Parameters may follow a `?`: `sqlite:PATH?mode=ro&max_size=10MB` (see ``SQLiteOptions``),
///   so a path cannot hold a `?`.
/// - `memory:` — the in-memory store, gone when the process ends.
///
/// - `postgres://user:password@host:port/database` (or `postgresql://`) — a PostgreSQL
///   database; see ``PostgresAddress``.
public enum StoreURL: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite database file at `path`, as written (relative or absolute), opened as `options` say.
    case sqlite(path: String, options: SQLiteOptions = SQLiteOptions())
    /// The in-memory store.
    case memory
    /// A PostgreSQL database.
    case postgres(PostgresAddress)

    /// The store used when none is named: `sqlite:.formwright/data.sqlite`.
    public static let `default` = StoreURL.sqlite(path: ".formwright/data.sqlite")

    /// Parses a store URL.
    ///
    /// - Throws: ``StorageError/Code/invalidStoreURL`` for text that is no store URL.
    public init(parsing text: String) throws {
        if text == "memory:" {
            self = .memory
            return
        }
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            var options = SQLiteOptions()
            if let question = path.firstIndex(of: "?") {
                options = try SQLiteOptions(parameters: path[path.index(after: question)...], url: text)
                path = String(path[..<question])
            }
            guard !path.isEmpty else {
                throw StorageError(.invalidStoreURL, "store URL '\(text)' names no file; write 'sqlite:PATH'")
            }
            guard !path.utf8.contains(0) else { throw StorageError(.invalidStoreURL, "store URL '\(text)' contains a NUL character") }
            if path.hasPrefix("//") {
                throw StorageError(.invalidStoreURL, "store URL '\(text)' looks like a network address; write 'sqlite:PATH' with a file path")
            }
            self = .sqlite(path: path, options: options)
            return
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresAddress(parsing: text))
            return
        }
        if text.hasPrefix("memory:") {
            throw StorageError(.invalidStoreURL, "store URL '\(text)' is not valid; the in-memory store is written 'memory:'")
        }
        throw StorageError(.invalidStoreURL, "store URL '\(Self.redacted(text))' is not valid; expected 'sqlite:PATH', 'memory:' or 'postgres://…'")
    }

    /// The URL as text, as it would be parsed back — except that a PostgreSQL password is
    /// written `***`, so the text is safe in messages.
    public var description: String {
        switch self {
        case .sqlite(let path, let options): "sqlite:\(path)\(options.query)"
        case .memory: "memory:"
        case .postgres(let address): address.description
        }
    }

    /// The SQLite file's absolute path, a relative one resolved against `directory`; nil for `memory:`.
    public func filePath(relativeTo directory: String) -> String? {
        guard case .sqlite(let path, _) = self else { return nil }
        if path.hasPrefix("/") { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// `text` with any password between `:` and `@` of its authority hidden, for messages.
    static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authority = rest[..<(rest.firstIndex(of: "/") ?? rest.endIndex)]
        // The last '@' of the authority ends the user info: a password may hold an unescaped '@'.
        guard let at = authority.lastIndex(of: "@") else { return text }
        let userInfo = rest[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
