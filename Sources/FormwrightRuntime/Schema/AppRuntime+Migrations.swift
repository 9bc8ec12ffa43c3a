public import FormwrightCore
public import FormwrightStorage

extension AppRuntime {
    /// The migration plan that brings the store to this definition, without applying it.
    ///
    /// A server reloading a changed app can show it and swap the app in only when
    /// `plan.isDestructive` is false.
    ///
    /// - Throws: `RuntimeError` when the store keeps no schema history.
    public func migrationPlan() async throws -> MigrationPlan {
        try await migratingStorage().plan(app: name, schema: StoreSchemaMapper.tables(of: definition), revision: definition.revision)
    }

    /// Plans and applies the migration to this definition in one transaction, recorded under its revision.
    ///
    /// - Parameters:
    ///   - allowDestructive: whether steps that drop tables or fields, or narrow types, may run.
    ///   - now: the time recorded with the migration.
    /// - Returns: the recorded migration, or nil when the store was already up to date.
    /// - Throws: `StorageError` (``StorageError/Code/incompatibleSchema``) when destructive steps are
    ///   not allowed or a unique index meets shared values; nothing is changed then.
    @discardableResult
    public func migrate(allowDestructive: Bool, now: Timestamp = .now) async throws -> AppliedMigration? {
        try await apply(try await migrationPlan(), allowDestructive: allowDestructive, now: now)
    }

    /// Applies a plan made for this definition in one transaction, filling the fields it adds
    /// from their `=` defaults or computations in existing records.
    ///
    /// - Parameters:
    ///   - plan: what ``migrationPlan()`` gave.
    ///   - allowDestructive: whether steps that drop tables or fields, or narrow types, may run.
    ///   - now: the time recorded with the migration, and `now` for the filling expressions.
    /// - Returns: the recorded migration, or nil when the plan was empty.
    @discardableResult
    public func apply(_ plan: MigrationPlan, allowDestructive: Bool, now: Timestamp = .now) async throws -> AppliedMigration? {
        let filler = FieldFiller(definition: definition, pipeline: pipeline)
        return try await migratingStorage().apply(plan, allowDestructive: allowDestructive, now: now, finishing: filler.finisher(now: now))
    }

    private func migratingStorage() throws -> any MigratingBackend {
        guard let store = storage as? any MigratingBackend else {
            throw RuntimeError(.unavailable, "store '\(storage)' cannot plan or apply migrations")
        }
        return store
    }
}
