public import FormwrightCore

/// A backend that knows the schema history of its apps: it plans and applies migrations in one
/// transaction, records each one, and records seed data loads so none happens twice.
///
/// ```swift
/// let plan = try await store.plan(app: "crm", schema: tables, revision: revision)
/// if plan.isDestructive { print(plan.destructiveSteps) }
/// let applied = try await store.apply(plan, allowDestructive: false)   // throws if destructive
/// ```
///
/// ``MemoryStorage`` is the reference implementation; on it the history lives as long as the process.
public protocol MigratingBackend: StorageBackend {
    /// Every table and field the store holds for `app`, including tables and fields the app no
    /// longer names (kept until a destructive migration drops them); empty for a new app.
    func storedTables(app: String) async throws -> [TableSchema]

    /// Applies every step of `plan` in one transaction and records it in the migration history;
    /// makes the plan's wanted tables the app's current schema.
    ///
    /// - Parameters:
    ///   - plan: a plan made against the store's current tables.
    ///   - allowDestructive: whether steps that can lose values may run.
    ///   - now: the time recorded with the migration.
    ///   - finishing: runs last inside the migration's transaction, with the plan and a write
    ///     transaction on the new schema — for the app to fill added fields of existing records
    ///     from expressions; not called for an empty plan. If it throws, nothing of the migration remains.
    /// - Returns: the history entry, or nil when the plan was empty (nothing is recorded then).
    /// - Throws: ``StorageError/Code/incompatibleSchema`` when the plan holds destructive steps that
    ///   are not allowed (naming the first one's table and field), when the store changed since the
    ///   plan was made, or when a field cannot be made unique (naming the shared values); nothing
    ///   is changed then.
    func apply(_ plan: MigrationPlan, allowDestructive: Bool, now: Timestamp, finishing: MigrationFinisher?) async throws -> AppliedMigration?

    /// The migrations applied to `app`, oldest first.
    func migrationHistory(app: String) async throws -> [AppliedMigration]

    /// The seed files loaded into `app`'s tables.
    func seedLoads(app: String) async throws -> [SeedLoad]

    /// Runs `body` in one write transaction and records `seed` with it, unless a seed was already
    /// recorded for that table: then nothing runs and nil is returned.
    ///
    /// If `body` throws, nothing it wrote and no record of the seed remains.
    func loadSeed<T: Sendable>(_ seed: SeedLoad, _ body: @Sendable (any WriteTransaction) throws -> T) async throws -> T?
}

/// Work an app does at the end of a migration's transaction, on the new schema.
public typealias MigrationFinisher = @Sendable (MigrationPlan, any WriteTransaction) throws -> Void

extension MigratingBackend {
    /// Applies `plan` with nothing to finish; see ``apply(_:allowDestructive:now:finishing:)``.
    @discardableResult
    public func apply(_ plan: MigrationPlan, allowDestructive: Bool, now: Timestamp = .now) async throws -> AppliedMigration? {
        try await apply(plan, allowDestructive: allowDestructive, now: now, finishing: nil)
    }

    /// The plan that brings `app`'s stored tables to `schema`.
    ///
    /// - Parameters:
    ///   - app: the app's name.
    ///   - schema: the wanted tables, with `renamedFrom` and `backfill` hints.
    ///   - revision: the definition revision the plan leads to.
    public func plan(app: String, schema: [TableSchema], revision: String) async throws -> MigrationPlan {
        try MigrationPlanner.plan(app: app, stored: try await storedTables(app: app), wanted: schema, revision: revision)
    }

    /// Applies what can be applied without losing data and makes `schema` current: a server's start.
    ///
    /// Drops are left out (the dropped tables and fields stay in the store, hidden from the app);
    /// a narrowing type change is refused with ``StorageError/Code/incompatibleSchema``.
    ///
    /// - Returns: the history entry, or nil when nothing needed to change.
    @discardableResult
    public func migrateSafely(
        app: String, schema: [TableSchema], revision: String, now: Timestamp = .now, finishing: MigrationFinisher? = nil
    ) async throws -> AppliedMigration? {
        let plan = try await plan(app: app, schema: schema, revision: revision).withoutDrops()
        return try await apply(plan, allowDestructive: false, now: now, finishing: finishing)
    }
}

extension MigrationPlan {
    /// Throws unless every step may run: destructive steps need `allowDestructive`.
    public func checkAllowed(allowDestructive: Bool) throws {
        guard !allowDestructive, let first = destructiveSteps.first else { return }
        let count = destructiveSteps.count
        throw StorageError(
            .incompatibleSchema,
            "the migration of app '\(app)' holds \(count) destructive step\(count == 1 ? "" : "s") (first: \(first)); nothing was changed",
            table: first.table, field: first.field)
    }

    /// Throws when `current`, what the store holds now, is not what the plan was made against.
    public func checkCurrent(_ current: [TableSchema]) throws {
        guard Self.sameTables(current, stored) else {
            throw StorageError(.incompatibleSchema, "the tables of app '\(app)' changed since the migration was planned; plan again")
        }
    }
}
