public import FormwrightStorage
import Foundation
import GRDB
import Synchronization

/// A store in one SQLite file, through a GRDB `DatabasePool` in WAL mode.
///
/// Readers run concurrently on snapshots while one writer commits; every access goes through
/// GRDB's async `read` and `write`, so no cooperative thread is blocked waiting for the file.
/// Each app table is an SQL table named `<app>__<table>` (see ``SQLiteNames``), with typed,
/// `STRICT` columns and unique indexes; two metadata tables record what each app's schema asked
/// for. Timestamps are stored as INTEGER microseconds since 1970 (UTC), which orders correctly
/// before 1970 too.
///
/// ```swift
/// let store = try await SQLiteStorage(path: ".formwright/data.sqlite")
/// try await store.prepare(app: "crm", schema: tables)
/// ```
public final class SQLiteStorage: StorageBackend, CustomStringConvertible {
    let pool: DatabasePool
    let name: String
    let schemas = Mutex<[String: SQLiteAppSchema]>([:])
    private let isClosed = Mutex(false)
    /// Whether the store was opened read-only: reads work, every write throws ``StorageError/Code/readOnly``.
    public let isReadOnly: Bool
    /// The size cap of the file in bytes (`max_size`), if any.
    public let maximumSize: Int64?

    /// How many seconds a write waits for another connection or process holding the write lock
    /// before it fails with ``StorageError/Code/busy``.
    public static let busyTimeoutSeconds: Double = 5

    /// Opens (or creates) the database file at `path`, creating its parent folders.
    ///
    /// - Parameters:
    ///   - path: the file's path; a relative path is taken from the current directory.
    ///   - readOnly: open an existing file without ever writing to it (for commands such as
    ///     `check` and `plan`, or `mode=ro`); `prepare` and `write` then throw ``StorageError/Code/readOnly``.
    ///   - maximumSize: a cap on the file's size in bytes (`max_size`), rounded down to whole
    ///     pages; a write that would pass it throws ``StorageError/Code/full`` and writes nothing.
    /// - Throws: ``StorageError/Code/unavailable`` (and others) with the message
    ///   `opening store 'sqlite:PATH': …`.
    public init(path: String, readOnly: Bool = false, maximumSize: Int64? = nil) async throws {
        name = "sqlite:\(path)\(SQLiteOptions(readOnly: readOnly, maximumSize: maximumSize).query)"
        isReadOnly = readOnly
        self.maximumSize = maximumSize
        let context = "opening store '\(name)'"
        if readOnly {
            guard FileManager.default.fileExists(atPath: path) else {
                throw StorageError(.unavailable, "\(context): no such file")
            }
        } else {
            do {
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw StorageError(.unavailable, "\(context): cannot create its folder: \(error.localizedDescription)")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeoutSeconds)
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.prepareDatabase { db in
            // A 2xx answer promises the record is durable (DESIGN: "nothing acknowledged is
            // lost"). In WAL mode, NORMAL may lose the last commits on power loss; FULL syncs
            // the WAL on every commit, which is the price of that promise.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if let maximumSize {
                // SQLite refuses to grow the file past max_page_count pages with SQLITE_FULL, the
                // same error a full disk gives; the limit is per connection, so every one sets it.
                let pageSize = max(1, try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4_096)
                try db.execute(sql: "PRAGMA max_page_count = \(max(1, maximumSize / pageSize))")
            }
            SQLitePeriodFunctions.register(in: db)
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            _ = try await pool.read { db in try db.tableExists(SQLiteNames.tablesTable) }
        } catch {
            let wrapped = Self.wrap(error, context: context)
            if readOnly, let storage = wrapped as? StorageError, storage.code == .readOnly {
                // Reading a WAL database needs its '-wal' and '-shm' files, which SQLite creates
                // beside it when they are missing, even to read.
                let file = URL(fileURLWithPath: path).lastPathComponent
                throw StorageError(
                    .unavailable,
                    "\(storage.message); to read it, SQLite needs the files '\(file)-wal' and '\(file)-shm' beside it, "
                        + "or a folder it may create them in")
            }
            throw wrapped
        }
    }

    /// The store's URL, `sqlite:PATH`, as messages name it.
    public var description: String { name }

    /// See ``StorageBackend/prepare(app:schema:)``.
    public func prepare(app: String, schema: [TableSchema]) async throws {
        let context = "preparing app '\(app)' in store '\(name)'"
        do {
            // The safe part of a migration plan: drops are left for `formwright migrate`.
            try await migrateSafely(app: app, schema: schema, revision: "")
        } catch {
            throw Self.wrap(error, context: context)
        }
    }

    /// See ``StorageBackend/read(app:_:)``.
    public func read<T: Sendable>(app: String, _ body: @Sendable (any ReadTransaction) throws -> T) async throws -> T {
        try checkOpen()
        try SchemaRules.validate(app: app)
        let cached = schemas.withLock { $0[app] }
        do {
            return try await pool.read { db in
                let schema = try cached ?? self.loadSchema(app: app, db)
                return try body(SQLiteReader(db: db, app: app, schema: schema))
            }
        } catch {
            throw StorageError.from(error, context: "reading app '\(app)' in store '\(name)'")
        }
    }

    /// See ``StorageBackend/write(app:_:)``.
    public func write<T: Sendable>(app: String, _ body: @Sendable (any WriteTransaction) throws -> T) async throws -> T {
        try checkOpen()
        try checkWritable()
        try SchemaRules.validate(app: app)
        let cached = schemas.withLock { $0[app] }
        do {
            return try await pool.write { db in
                let schema = try cached ?? self.loadSchema(app: app, db)
                return try body(SQLiteWriteTransaction(reader: SQLiteReader(db: db, app: app, schema: schema)))
            }
        } catch {
            throw StorageError.from(error, context: "writing app '\(app)' in store '\(name)'", maximumSize: maximumSize)
        }
    }

    /// See ``StorageBackend/close()``.
    public func close() async throws {
        let wasClosed = isClosed.withLock { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        do {
            try pool.close()
        } catch {
            throw StorageError.from(error, context: "closing store '\(name)'")
        }
    }

    func checkOpen() throws {
        if isClosed.withLock({ $0 }) { throw StorageError(.closed, "store '\(name)' is closed") }
    }

    func checkWritable() throws {
        if isReadOnly { throw StorageError(.readOnly, "store '\(name)' was opened read-only") }
    }

    /// The app's schema as recorded in the file, for an app not prepared by this process.
    private func loadSchema(app: String, _ db: Database) throws -> SQLiteAppSchema? {
        guard let loaded = try SQLiteSchemaStore.load(app: app, db) else { return nil }
        let schema = SQLiteAppSchema(loaded)
        schemas.withLock { $0[app] = $0[app] ?? schema }
        return schema
    }

    static func wrap(_ error: any Error, context: String, maximumSize: Int64? = nil) -> any Error {
        if let storage = error as? StorageError { return storage.inContext(context) }
        return StorageError.from(error, context: context, maximumSize: maximumSize)
    }
}
