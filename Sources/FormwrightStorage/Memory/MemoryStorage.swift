import FormwrightCore
import Synchronization

/// The reference backend: every app's records in process memory, gone when the process ends.
///
/// It defines how a backend behaves — ordering, paging, unique checks, errors — and the
/// conformance suite holds every other backend to it. Writes are serialised; each works on a
/// copy of its app's tables and swaps the copy in only when its closure returns, so a thrown
/// error leaves nothing behind. Reads work on a snapshot and never see a write half done.
public final class MemoryStorage: StorageBackend, CustomStringConvertible {
    private struct State: Sendable {
        var apps: [String: MemoryApp] = [:]
        var isClosed = false
    }

    private let state = Mutex(State())

    /// Creates an empty store.
    public init() {}

    /// The store's URL, `memory:`, as messages name it.
    public var description: String { "memory:" }

    /// See ``StorageBackend/prepare(app:schema:)``.
    public func prepare(app: String, schema: [TableSchema]) async throws {
        let checked = try AppSchema(app: app, tables: schema)
        try state.withLock { state in
            try Self.checkOpen(state)
            var copy = state.apps[app] ?? MemoryApp()
            try copy.prepare(checked)
            state.apps[app] = copy
        }
    }

    /// See ``StorageBackend/read(app:_:)``.
    public func read<T: Sendable>(app: String, _ body: @Sendable (any ReadTransaction) throws -> T) async throws -> T {
        try SchemaRules.validate(app: app)
        let snapshot = try state.withLock { state in
            try Self.checkOpen(state)
            return state.apps[app] ?? MemoryApp()
        }
        return try body(MemoryReadTransaction(app: app, tables: snapshot))
    }

    /// See ``StorageBackend/write(app:_:)``.
    public func write<T: Sendable>(app: String, _ body: @Sendable (any WriteTransaction) throws -> T) async throws -> T {
        try SchemaRules.validate(app: app)
        return try state.withLock { state in
            try Self.checkOpen(state)
            let transaction = MemoryWriteTransaction(app: app, tables: state.apps[app] ?? MemoryApp())
            let result = try body(transaction)
            state.apps[app] = transaction.tables
            return result
        }
    }

    /// See ``StorageBackend/close()``; the records are dropped.
    public func close() async throws {
        state.withLock { state in
            state.apps = [:]
            state.isClosed = true
        }
    }

    private static func checkOpen(_ state: State) throws {
        guard !state.isClosed else { throw StorageError(.closed, "the memory store is closed") }
    }
}
