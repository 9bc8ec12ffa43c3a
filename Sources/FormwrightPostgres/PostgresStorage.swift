public import FormwrightCore
public import FormwrightStorage
import PostgresNIO
import Synchronization

/// A store in a PostgreSQL database, through a PostgresNIO connection pool.
///
/// Each app keeps its tables in a schema of its own (`"crm"."customers"`, see
/// ``PostgresNames``), and two metadata tables in the schema `"_formwright"` record what each
/// app's schema asked for, so a store opened again — or by another process — knows its tables.
/// Timestamps are `timestamptz` to the microsecond, text sorts by UTF-8 bytes (`COLLATE "C"`),
/// money is `BIGINT` minor units: records come back and sort exactly as in ``MemoryStorage``.
///
/// ```swift
/// let store = try await PostgresStorage(url: "postgres://formwright:secret@db:5432/formwright")
/// try await store.prepare(app: "crm", schema: tables)
/// ```
///
/// **Transactions.** The protocol's closures are synchronous, PostgresNIO is asynchronous. A
/// transaction leases one connection, and its closure runs on a thread of the store's own pool
/// (never one of Swift's cooperative threads); each read or write in the closure blocks that
/// thread until PostgreSQL answers. Writes run `SERIALIZABLE`: the closure sees exactly what a
/// one-writer-at-a-time store (SQLite, the in-memory store) would show it, including counts and
/// queries, while writes to unrelated records still run side by side. When PostgreSQL reports
/// a serialization conflict or a deadlock, the whole transaction — closure included — is rolled
/// back and run again, with a growing random pause, up to ``Configuration/writeAttempts`` times.
/// A write closure must therefore do nothing but read and write through its transaction.
/// A claim through ``claimJob(app:owner:now:leaseUntil:kinds:)`` runs `READ COMMITTED` instead.
/// Reads run `REPEATABLE READ, READ ONLY`: one consistent snapshot, never retried.
public final class PostgresStorage: StorageBackend, CustomStringConvertible {
    let connector: PostgresConnector
    private let runTask: Task<Void, Never>
    let name: String
    let configuration: Configuration
    let logger: Logger
    let schemas = Mutex<[String: PostgresAppSchema]>([:])
    private let isClosed = Mutex(false)

    /// Opens the store a `postgres://user:password@host:port/database` URL names.
    ///
    /// - Parameters:
    ///   - url: the store URL (`postgresql://` is accepted too).
    ///   - openTimeout: how long to keep retrying an unreachable server.
    /// - Throws: ``StorageError/Code/invalidStoreURL`` for a bad URL, and
    ///   ``StorageError/Code/unavailable`` with `opening store 'postgres://user:***@…': …` when
    ///   the server cannot be reached in time or refuses the login.
    public convenience init(url: String, openTimeout: Duration = .seconds(30)) async throws {
        var configuration = Configuration(address: try PostgresAddress(parsing: url))
        configuration.openTimeout = openTimeout
        try await self.init(configuration: configuration)
    }

    /// Opens the store at `configuration.address`, waiting for the server as configured.
    ///
    /// - Throws: ``StorageError/Code/unavailable`` with `opening store 'postgres://user:***@…': …`.
    public init(configuration: Configuration) async throws {
        self.configuration = configuration
        name = configuration.address.description
        let context = "opening store '\(name)'"
        var logger = Logger(label: "formwright.postgres")
        logger.logLevel = .error
        self.logger = logger
        let address = configuration.address
        let clientTLS: PostgresClient.Configuration.TLS
        let probeTLS: PostgresConnection.Configuration.TLS
        do {
            // As libpq does: 'prefer' and 'require' encrypt without checking the certificate.
            var unverified = TLSConfiguration.makeClientConfiguration()
            unverified.certificateVerification = .none
            switch address.tls {
            case .disable:
                clientTLS = .disable
                probeTLS = .disable
            case .prefer:
                clientTLS = .prefer(unverified)
                probeTLS = .prefer(try NIOSSLContext(configuration: unverified))
            case .require:
                clientTLS = .require(unverified)
                probeTLS = .require(try NIOSSLContext(configuration: unverified))
            case .verifyFull:
                clientTLS = .require(.makeClientConfiguration())
                probeTLS = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw StorageError(.unavailable, "\(context): cannot set up TLS: \(error)")
        }
        try await PostgresProbe.waitForServer(configuration, tls: probeTLS, logger: logger, context: context)
        var clientConfiguration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password, database: address.database,
            tls: clientTLS)
        let connections = max(1, configuration.maximumConnections)
        clientConfiguration.options.maximumConnections = connections
        clientConfiguration.options.minimumConnections = 0
        // The server's own guard: a session left inside a transaction (its process stuck) is ended
        // after a minute, so the locks it holds cannot stop every other process for good.
        clientConfiguration.options.additionalStartupParameters = [("idle_in_transaction_session_timeout", "60000")]
        let client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
        runTask = Task { await client.run() }
        let threads = NIOThreadPool(numberOfThreads: connections)
        threads.start()
        connector = PostgresConnector(client: client, threads: threads, logger: logger, connectionWait: configuration.connectionWait)
    }

    deinit {
        // A store dropped without close() must not leave the pool's connections open.
        runTask.cancel()
        connector.threads.shutdownGracefully { _ in }
    }

    /// The store's URL with its password hidden, as messages name it.
    public var description: String { name }

    /// See ``StorageBackend/prepare(app:schema:)``.
    ///
    /// Also refuses names whose SQL identifiers would pass PostgreSQL's 63-byte limit.
    public func prepare(app: String, schema: [TableSchema]) async throws {
        let context = "preparing app '\(app)' in store '\(name)'"
        do {
            try checkOpen()
            let checked = try AppSchema(app: app, tables: schema)
            try PostgresNames.validate(checked)
            let logger = self.logger
            try await withTransaction { connection in try await PostgresSchemaStore.prepare(checked, connection, logger) }
            schemas.withLock { $0[app] = PostgresAppSchema(checked) }
        } catch let error as StorageError {
            throw error.inContext(context)
        } catch {
            throw PostgresErrors.queryError(error, context: context)
        }
    }

    /// See ``StorageBackend/read(app:_:)``.
    public func read<T: Sendable>(app: String, _ body: @Sendable (any ReadTransaction) throws -> T) async throws -> T {
        try checkOpen()
        try SchemaRules.validate(app: app)
        let context = "reading app '\(app)' in store '\(name)'"
        do {
            return try await connector.transaction(
                app: app, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", context: context, schema: schemaLoader(app)
            ) { reader in
                try body(reader)
            }
        } catch let error as PostgresConnector.BodyError {
            throw error.underlying
        } catch let failure as PostgresConnector.TransactionFailure {
            throw PostgresErrors.queryError(failure.underlying, context: context)
        } catch {
            throw PostgresErrors.queryError(error, context: context)
        }
    }

    /// See ``StorageBackend/write(app:_:)``; the closure may run more than once (see the type's notes).
    public func write<T: Sendable>(app: String, _ body: @Sendable (any WriteTransaction) throws -> T) async throws -> T {
        try checkOpen()
        try SchemaRules.validate(app: app)
        return try await retryingWrite(app: app, context: "writing app '\(app)' in store '\(name)'") { reader in
            try body(PostgresWriteTransaction(reader: reader))
        }
    }

    /// See ``StorageBackend/claimJob(app:owner:now:leaseUntil:kinds:)``.
    ///
    /// The claim runs `READ COMMITTED`, unlike other writes. Under `SERIALIZABLE`, claimers
    /// running side by side read the claim index where the others write, so PostgreSQL rolled
    /// most of them back as serialization conflicts, to be run again. A claim needs no more than
    /// `READ COMMITTED`: `FOR UPDATE` locks the newest committed version of the row it returns
    /// and checks the claim's condition against that version again, so the job is claimable and
    /// held when it is written, and its new version is one past the stored one. A transaction
    /// that changes the job meanwhile still runs `SERIALIZABLE` and conflicts with the claim's
    /// write, and a worker whose lease was taken finds the version changed: it stays the fence.
    /// Other job changes (`updateJob`, `enqueue`) keep to ``write(app:_:)``, since they share
    /// transactions with record writes that rely on `SERIALIZABLE`.
    public func claimJob(app: String, owner: String, now: Timestamp, leaseUntil: Timestamp, kinds: Set<String>?) async throws -> Job? {
        try checkOpen()
        try SchemaRules.validate(app: app)
        return try await retryingWrite(
            app: app, context: "writing app '\(app)' in store '\(name)'", begin: "BEGIN ISOLATION LEVEL READ COMMITTED"
        ) { reader in
            try PostgresWriteTransaction(reader: reader).claimJob(owner: owner, now: now, leaseUntil: leaseUntil, kinds: kinds)
        }
    }

    /// Runs `body` in a transaction begun with `begin` (`SERIALIZABLE` unless given), running it
    /// again on a serialization conflict or a deadlock, as ``write(app:_:)`` describes.
    func retryingWrite<T: Sendable>(
        app: String, context: String, begin: PostgresQuery = "BEGIN ISOLATION LEVEL SERIALIZABLE",
        _ body: @Sendable (PostgresReader) throws -> T
    ) async throws -> T {
        var pause = Duration.milliseconds(2)
        var attempt = 1
        while true {
            do {
                return try await connector.transaction(app: app, begin: begin, context: context, schema: schemaLoader(app), body)
            } catch let error as PostgresConnector.BodyError {
                throw error.underlying
            } catch let failure as PostgresConnector.TransactionFailure where PostgresErrors.isRetryable(failure.underlying) {
                guard attempt < max(1, configuration.writeAttempts) else {
                    throw StorageError(
                        .busy,
                        "\(context): concurrent writes kept conflicting; gave up after \(attempt) attempts: \(PostgresErrors.detail(failure.underlying))"
                    )
                }
                attempt += 1
                // Full jitter: a random pause up to the current bound, which doubles up to 200 ms.
                try await Task.sleep(for: pause * Double.random(in: 0...1))
                pause = min(pause * 2, .milliseconds(200))
            } catch let failure as PostgresConnector.TransactionFailure {
                throw PostgresErrors.queryError(failure.underlying, context: context)
            } catch {
                throw PostgresErrors.queryError(error, context: context)
            }
        }
    }

    /// Runs `body` between `begin` and `COMMIT` on one leased connection; rolls back if it throws.
    func withTransaction<R: Sendable>(
        begin: PostgresQuery = "BEGIN", _ body: @Sendable (PostgresConnection) async throws -> R
    ) async throws -> R {
        let logger = self.logger
        return try await connector.withConnection { connection in
            _ = try await connection.query(begin, logger: logger)
            do {
                let result = try await body(connection)
                _ = try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                await PostgresConnector.rollBack(connection, logger: logger)
                throw error
            }
        }
    }

    /// See ``StorageBackend/close()``.
    public func close() async throws {
        let wasClosed = isClosed.withLock { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        runTask.cancel()
        await runTask.value
        do {
            try await connector.threads.shutdownGracefully()
        } catch {
            throw StorageError(.backendFailure, "closing store '\(name)': \(error)")
        }
    }

    /// Removes an app's schema, with all its tables and records, and its metadata, migration
    /// history and seed records.
    ///
    /// Not part of ``StorageBackend``: for tools and tests that clear a scratch app away.
    ///
    /// - Parameter app: the app to remove; an app never prepared is no error.
    public func drop(app: String) async throws {
        try checkOpen()
        try SchemaRules.validate(app: app)
        let context = "dropping app '\(app)' in store '\(name)'"
        let logger = self.logger
        do {
            try await withTransaction { connection in
                var lock = PostgresStatement()
                lock.sql = "SELECT pg_advisory_xact_lock(\(lock.parameter(PostgresSchemaStore.prepareLockKey)))"
                _ = try await connection.query(lock.query, logger: logger).collect()
                _ = try await connection.query(
                    PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(PostgresNames.quote(app)) CASCADE"), logger: logger)
                let metadata = [PostgresNames.tablesTable, PostgresNames.columnsTable, PostgresNames.migrationsTable, PostgresNames.seedsTable]
                for table in metadata {
                    guard try await PostgresSchemaStore.metadataExists(connection, logger, table: table) else { continue }
                    var clear = PostgresStatement()
                    clear.sql = "DELETE FROM \(PostgresNames.metadata(table)) WHERE app = \(clear.parameter(app))"
                    _ = try await connection.query(clear.query, logger: logger)
                }
            }
            _ = schemas.withLock { $0.removeValue(forKey: app) }
        } catch {
            throw PostgresErrors.queryError(error, context: context)
        }
    }

    func checkOpen() throws {
        if isClosed.withLock({ $0 }) { throw StorageError(.closed, "store '\(name)' is closed") }
    }

    /// The app's schema: as this process prepared it, or else as recorded in the database.
    func schemaLoader(_ app: String) -> @Sendable (PostgresConnection) async throws -> PostgresAppSchema? {
        let cached = schemas.withLock { $0[app] }
        return { [self] connection in
            if let cached { return cached }
            guard let loaded = try await PostgresSchemaStore.load(app: app, connection, logger) else { return nil }
            let schema = PostgresAppSchema(loaded)
            self.schemas.withLock { $0[app] = $0[app] ?? schema }
            return schema
        }
    }
}
