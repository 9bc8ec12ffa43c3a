public import FormwrightCore
public import FormwrightStorage
import Foundation
import GRDB

extension SQLiteStorage: MigratingBackend {
    /// See ``MigratingBackend/storedTables(app:)``; works on a store opened read-only.
    public func storedTables(app: String) async throws -> [TableSchema] {
        try checkOpen()
        try SchemaRules.validate(app: app)
        do {
            return try await pool.read { db in try SQLiteSchemaStore.storedTables(app: app, db) }
        } catch {
            throw Self.wrap(error, context: "reading the tables of app '\(app)' in store '\(name)'")
        }
    }

    /// See ``MigratingBackend/apply(_:allowDestructive:now:finishing:)``: one `BEGIN IMMEDIATE … COMMIT`.
    public func apply(_ plan: MigrationPlan, allowDestructive: Bool, now: Timestamp, finishing: MigrationFinisher?) async throws
        -> AppliedMigration?
    {
        let app = plan.app
        do {
            try checkOpen()
            try checkWritable()
            try plan.checkAllowed(allowDestructive: allowDestructive)
            let checked = try AppSchema(app: app, tables: plan.wanted)
            let entry = try await pool.write { db in
                try SQLiteSchemaStore.createMetadata(db)
                try plan.checkCurrent(try SQLiteSchemaStore.storedTables(app: app, db))
                let entry = try SQLiteMigrator(app: app, db: db).apply(plan, now: now)
                if let finishing, entry != nil {
                    try finishing(plan, SQLiteWriteTransaction(reader: SQLiteReader(db: db, app: app, schema: SQLiteAppSchema(checked))))
                }
                return entry
            }
            schemas.withLock { $0[app] = SQLiteAppSchema(checked) }
            return entry
        } catch {
            throw Self.wrap(error, context: "migrating app '\(app)' in store '\(name)'")
        }
    }

    /// See ``MigratingBackend/migrationHistory(app:)``.
    public func migrationHistory(app: String) async throws -> [AppliedMigration] {
        try checkOpen()
        do {
            return try await pool.read { db in
                guard try db.tableExists(SQLiteNames.migrationsTable) else { return [] }
                let rows = try Row.fetchAll(
                    db, sql: "SELECT revision, applied_at, steps FROM \(SQLiteNames.quote(SQLiteNames.migrationsTable)) WHERE app = ? ORDER BY rowid",
                    arguments: [app])
                return try rows.map { row in
                    let text: String = try row.decode(atIndex: 2)
                    guard let steps = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
                        throw StorageError(.backendFailure, "a recorded migration of app '\(app)' has unreadable steps")
                    }
                    return AppliedMigration(
                        app: app, revision: try row.decode(atIndex: 0), appliedAt: ColumnType.timestamp(microseconds: try row.decode(atIndex: 1)),
                        steps: steps)
                }
            }
        } catch {
            throw Self.wrap(error, context: "reading the migrations of app '\(app)' in store '\(name)'")
        }
    }

    /// See ``MigratingBackend/seedLoads(app:)``.
    public func seedLoads(app: String) async throws -> [SeedLoad] {
        try checkOpen()
        do {
            return try await pool.read { db in
                guard try db.tableExists(SQLiteNames.seedsTable) else { return [] }
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT table_name, file_hash, record_count, loaded_at FROM \(SQLiteNames.quote(SQLiteNames.seedsTable))
                        WHERE app = ? ORDER BY loaded_at, table_key
                        """,
                    arguments: [app])
                return try rows.map { row in
                    SeedLoad(
                        app: app, table: try row.decode(atIndex: 0), fileHash: try row.decode(atIndex: 1), recordCount: try row.decode(atIndex: 2),
                        loadedAt: ColumnType.timestamp(microseconds: try row.decode(atIndex: 3)))
                }
            }
        } catch {
            throw Self.wrap(error, context: "reading the seed loads of app '\(app)' in store '\(name)'")
        }
    }

    /// See ``MigratingBackend/loadSeed(_:_:)``.
    public func loadSeed<T: Sendable>(_ seed: SeedLoad, _ body: @Sendable (any WriteTransaction) throws -> T) async throws -> T? {
        try checkOpen()
        try checkWritable()
        try SchemaRules.validate(app: seed.app)
        let app = seed.app
        let loadedAt = try seed.loadedAt.storedPrecision()
        let cached = schemas.withLock { $0[app] }
        do {
            return try await pool.write { db -> T? in
                try SQLiteSchemaStore.createMetadata(db)
                let tableKey = SchemaRules.foldedKey(seed.table)
                let seeded =
                    try Bool.fetchOne(
                        db, sql: "SELECT EXISTS (SELECT 1 FROM \(SQLiteNames.quote(SQLiteNames.seedsTable)) WHERE app = ? AND table_key = ?)",
                        arguments: [app, tableKey]) ?? false
                if seeded { return nil }
                let schema = try cached ?? SQLiteSchemaStore.load(app: app, db).map(SQLiteAppSchema.init)
                let result = try body(SQLiteWriteTransaction(reader: SQLiteReader(db: db, app: app, schema: schema)))
                try db.execute(
                    sql: """
                        INSERT INTO \(SQLiteNames.quote(SQLiteNames.seedsTable)) (app, table_key, table_name, file_hash, record_count, loaded_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [app, tableKey, seed.table, seed.fileHash, seed.recordCount, ColumnType.microseconds(loadedAt) ?? 0])
                return result
            }
        } catch {
            throw StorageError.from(error, context: "loading seed data into table '\(seed.table)' of app '\(app)' in store '\(name)'")
        }
    }
}
