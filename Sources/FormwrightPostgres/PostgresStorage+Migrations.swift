public import FormwrightCore
public import FormwrightStorage
import Foundation
import PostgresNIO
import Synchronization

extension PostgresStorage: MigratingBackend {
    /// See ``MigratingBackend/storedTables(app:)``.
    public func storedTables(app: String) async throws -> [TableSchema] {
        try checkOpen()
        try SchemaRules.validate(app: app)
        let logger = self.logger
        do {
            return try await withTransaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY") { connection in
                try await PostgresSchemaStore.storedTables(app: app, connection, logger)
            }
        } catch {
            throw PostgresErrors.queryError(error, context: "reading the tables of app '\(app)' in store '\(name)'")
        }
    }

    /// See ``MigratingBackend/apply(_:allowDestructive:now:finishing:)``: one transaction, holding the lock
    /// every prepare and migration takes, so that the check against the plan and the steps see
    /// the latest committed tables.
    public func apply(_ plan: MigrationPlan, allowDestructive: Bool, now: Timestamp, finishing: MigrationFinisher?) async throws
        -> AppliedMigration?
    {
        let app = plan.app
        let context = "migrating app '\(app)' in store '\(name)'"
        do {
            try checkOpen()
            try plan.checkAllowed(allowDestructive: allowDestructive)
            let checked = try AppSchema(app: app, tables: plan.wanted)
            try PostgresNames.validate(checked)
            let logger = self.logger
            let entry = try await withTransaction { connection in
                let migrator = PostgresMigrator(app: app, connection: connection, logger: logger)
                try await Self.lockMetadata(migrator.run)
                try plan.checkCurrent(try await PostgresSchemaStore.storedTables(app: app, connection, logger))
                let entry = try await migrator.apply(plan, now: now)
                if let finishing, entry != nil {
                    let session = PostgresSession(connection: connection, logger: logger, context: context)
                    let reader = PostgresReader(session: session, app: app, schema: PostgresAppSchema(checked))
                    do {
                        try await connector.threads.runIfActive { try finishing(plan, PostgresWriteTransaction(reader: reader)) }
                    } catch {
                        throw FinishingFailure(underlying: error)
                    }
                    if let failure = session.firstFailure { throw PostgresErrors.queryError(failure, context: context) }
                }
                return entry
            }
            schemas.withLock { $0[app] = PostgresAppSchema(checked) }
            return entry
        } catch let failure as FinishingFailure {
            // The app's own error, given back as it threw it, like the other backends do.
            throw failure.underlying
        } catch let error as StorageError {
            throw error.inContext(context)
        } catch {
            throw PostgresErrors.queryError(error, context: context)
        }
    }

    /// See ``MigratingBackend/migrationHistory(app:)``.
    public func migrationHistory(app: String) async throws -> [AppliedMigration] {
        try checkOpen()
        let logger = self.logger
        do {
            return try await withTransaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY") { connection in
                guard try await PostgresSchemaStore.metadataExists(connection, logger, table: PostgresNames.migrationsTable) else { return [] }
                var query = PostgresStatement()
                query.sql = """
                    SELECT revision, applied_at, steps FROM \(PostgresNames.metadata(PostgresNames.migrationsTable))
                    WHERE app = \(query.parameter(app)) ORDER BY id
                    """
                return try await connection.query(query.query, logger: logger).collect().map { row in
                    let (revision, appliedAt, text) = try row.decode((String, PostgresMicroseconds, String).self)
                    guard let steps = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
                        throw StorageError(.backendFailure, "a recorded migration of app '\(app)' has unreadable steps")
                    }
                    return AppliedMigration(
                        app: app, revision: revision, appliedAt: ColumnType.timestamp(microseconds: appliedAt.value), steps: steps)
                }
            }
        } catch {
            throw PostgresErrors.queryError(error, context: "reading the migrations of app '\(app)' in store '\(name)'")
        }
    }

    /// See ``MigratingBackend/seedLoads(app:)``.
    public func seedLoads(app: String) async throws -> [SeedLoad] {
        try checkOpen()
        let logger = self.logger
        do {
            return try await withTransaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY") { connection in
                guard try await PostgresSchemaStore.metadataExists(connection, logger, table: PostgresNames.seedsTable) else { return [] }
                var query = PostgresStatement()
                query.sql = """
                    SELECT table_name, file_hash, record_count, loaded_at FROM \(PostgresNames.metadata(PostgresNames.seedsTable))
                    WHERE app = \(query.parameter(app)) ORDER BY loaded_at, table_key
                    """
                return try await connection.query(query.query, logger: logger).collect().map { row in
                    let (table, fileHash, count, loadedAt) = try row.decode((String, String, Int64, PostgresMicroseconds).self)
                    return SeedLoad(
                        app: app, table: table, fileHash: fileHash, recordCount: Int(count),
                        loadedAt: ColumnType.timestamp(microseconds: loadedAt.value))
                }
            }
        } catch {
            throw PostgresErrors.queryError(error, context: "reading the seed loads of app '\(app)' in store '\(name)'")
        }
    }

    /// See ``MigratingBackend/loadSeed(_:_:)``; like ``write(app:_:)``, the closure may run more
    /// than once.
    public func loadSeed<T: Sendable>(_ seed: SeedLoad, _ body: @Sendable (any WriteTransaction) throws -> T) async throws -> T? {
        try checkOpen()
        try SchemaRules.validate(app: seed.app)
        let app = seed.app
        let context = "loading seed data into table '\(seed.table)' of app '\(app)' in store '\(name)'"
        let loadedAt = try seed.loadedAt.storedPrecision()
        let seeds = PostgresNames.metadata(PostgresNames.seedsTable)
        let tableKey = SchemaRules.foldedKey(seed.table)
        do {
            try await withTransaction { connection in
                try await Self.lockMetadata { statement in try await connection.query(statement.query, logger: self.logger).collect() }
            }
        } catch {
            throw PostgresErrors.queryError(error, context: context)
        }
        return try await retryingWrite(app: app, context: context) { reader -> T? in
            var seeded = PostgresStatement()
            seeded.sql = "SELECT 1 FROM \(seeds) WHERE app = \(seeded.parameter(app)) AND table_key = \(seeded.parameter(tableKey))"
            if try reader.session.run(seeded.query).first != nil { return nil }
            let result = try body(PostgresWriteTransaction(reader: reader))
            var record = PostgresStatement()
            record.sql = """
                INSERT INTO \(seeds) (app, table_key, table_name, file_hash, record_count, loaded_at)
                VALUES (\(record.parameter(app)), \(record.parameter(tableKey)), \(record.parameter(seed.table)),
                    \(record.parameter(seed.fileHash)), \(record.parameter(Int64(seed.recordCount))),
                    \(record.parameter(.integer(ColumnType.microseconds(loadedAt) ?? 0), as: .timestamp)))
                """
            _ = try reader.session.run(record.query)
            return result
        }
    }

    /// Takes the lock every prepare and migration holds for its transaction and creates the
    /// metadata tables that are missing.
    static func lockMetadata(_ run: (PostgresStatement) async throws -> [PostgresRow]) async throws {
        var lock = PostgresStatement()
        lock.sql = "SELECT pg_advisory_xact_lock(\(lock.parameter(PostgresSchemaStore.prepareLockKey)))"
        _ = try await run(lock)
        try await PostgresSchemaStore.createMetadata(run)
    }
}

/// An error thrown by a migration's finishing work, kept apart from PostgreSQL's own failures.
private struct FinishingFailure: Error {
    let underlying: any Error
}
