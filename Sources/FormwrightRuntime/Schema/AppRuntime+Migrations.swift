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
        let store = try migratingStorage()
        let plan = try await store.plan(app: name, schema: StoreSchemaMapper.tables(of: definition), revision: definition.revision)
        return try await store.apply(plan, allowDestructive: allowDestructive, now: now)
    }

    private func migratingStorage() throws -> any MigratingBackend {
        guard let store = storage as? any MigratingBackend else {
            throw RuntimeError(.unavailable, "store '\(storage)' cannot plan or apply migrations")
        }
        return store
    }
}
