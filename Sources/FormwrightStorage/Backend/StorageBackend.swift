public import FormwrightCore

/// A place where apps keep their records, reached only through transaction closures.
///
/// A backend holds the tables of many apps side by side and keeps them apart: every call names
/// its app, and two apps may have tables of the same name without seeing each other's records.
/// Before reading or writing, an app's tables are made to exist with ``prepare(app:schema:)``.
///
/// All access happens inside ``read(app:_:)`` and ``write(app:_:)``, whose closures get a
/// transaction and run synchronously on the backend's terms. A write closure is one real
/// transaction: when it returns, everything it did is durably committed; when it throws,
/// nothing it did remains.
///
/// ```swift
/// let store: any StorageBackend = try await SQLiteStorage(path: ".formwright/data.sqlite")
/// try await store.prepare(app: "crm", schema: [
///     TableSchema(name: "customers", columns: [
///         ColumnSchema(name: "name", type: .text),
///         ColumnSchema(name: "email", type: .text, isUnique: true),
///     ]),
/// ])
/// let now = Timestamp(seconds: 1_800_000_000)
/// let created = try await store.write(app: "crm") { transaction in
///     try transaction.insert(table: "customers", fields: ["name": .string("Ada")], revision: "r1", now: now)
/// }
/// let renamed = try await store.write(app: "crm") { transaction in
///     // Throws a `.versionConflict` StorageError if someone else changed the record first.
///     try transaction.update(
///         table: "customers", id: created.id, fields: ["name": .string("Ada L.")],
///         expectedVersion: created.version, revision: "r1", now: now)
/// }
/// var query = RecordQuery(table: "customers", sort: .ascending("name"), limit: 20)
/// let page = try await store.read(app: "crm") { [query] in try $0.records(query) }
/// query.after = page.next   // nil after the last page
/// ```
///
/// ``MemoryStorage`` is the reference implementation: every backend must behave as it does,
/// which the shared conformance suite checks.
public protocol StorageBackend: Sendable {
    /// Makes the app's tables, fields and unique indexes exist; safe to call again.
    ///
    /// Tables and fields missing from the store are created. Nothing is dropped — that is the
    /// job of migration plans (``MigratingBackend``), whose safe part a migrating backend applies
    /// here — and a field whose stored type cannot be widened to the schema's is refused with
    /// ``StorageError/Code/incompatibleSchema``. The schema becomes the app's current one: later
    /// transactions read and write exactly its tables and fields.
    ///
    /// - Parameters:
    ///   - app: the app's name (lower-case letters, digits and `-`).
    ///   - schema: every table of the app.
    func prepare(app: String, schema: [TableSchema]) async throws

    /// Runs `body` with a consistent, read-only view of the app's records.
    ///
    /// - Parameters:
    ///   - app: the app whose tables to read.
    ///   - body: reads through the transaction; what it returns is returned.
    func read<T: Sendable>(app: String, _ body: @Sendable (any ReadTransaction) throws -> T) async throws -> T

    /// Runs `body` as one transaction that commits when it returns and rolls back when it throws.
    ///
    /// A backend that detects conflicts between concurrent writers (PostgreSQL) may roll back
    /// and run `body` again, so `body` must act only through its transaction.
    ///
    /// - Parameters:
    ///   - app: the app whose tables to write.
    ///   - body: reads and writes through the transaction; what it returns is returned once
    ///     the transaction is durably committed.
    func write<T: Sendable>(app: String, _ body: @Sendable (any WriteTransaction) throws -> T) async throws -> T

    /// Claims one job in a transaction of its own, as a ``write(app:_:)`` whose closure only
    /// calls ``WriteTransaction/claimJob(owner:now:leaseUntil:kinds:)`` would.
    ///
    /// A backend may run this transaction differently from other writes: PostgreSQL runs it
    /// `READ COMMITTED`, so that concurrent claimers do not roll each other back.
    ///
    /// - Returns: the claimed job, or nil when none can be claimed.
    func claimJob(app: String, owner: String, now: Timestamp, leaseUntil: Timestamp, kinds: Set<String>?) async throws -> Job?

    /// Releases the store; later calls throw ``StorageError/Code/closed``.
    func close() async throws

    /// Whether the store was opened read-only: reads work, and every write throws
    /// ``StorageError/Code/readOnly`` without writing anything.
    var isReadOnly: Bool { get }
}

extension StorageBackend {
    /// See ``StorageBackend/isReadOnly``; false unless a backend says otherwise.
    public var isReadOnly: Bool { false }

    /// See ``StorageBackend/claimJob(app:owner:now:leaseUntil:kinds:)``; a write of its own
    /// unless a backend says otherwise.
    public func claimJob(app: String, owner: String, now: Timestamp, leaseUntil: Timestamp, kinds: Set<String>?) async throws -> Job? {
        try await write(app: app) { try $0.claimJob(owner: owner, now: now, leaseUntil: leaseUntil, kinds: kinds) }
    }
}
