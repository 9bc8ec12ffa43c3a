import FormwrightCore
import FormwrightPostgres
import FormwrightStorage

/// The migration calls, each app name scoped as ``ScratchPostgresStorage/scoped(_:)`` does and
/// given back unscoped, so the suite sees the names it chose.
extension ScratchPostgresStorage: MigratingBackend {
    func storedTables(app: String) async throws -> [TableSchema] {
        try await store.storedTables(app: scoped(app))
    }

    func apply(_ plan: MigrationPlan, allowDestructive: Bool, now: Timestamp, finishing: MigrationFinisher?) async throws -> AppliedMigration? {
        let name = scoped(plan.app)
        remember(name)
        let scopedPlan = MigrationPlan(
            app: name, revision: plan.revision, stored: plan.stored, wanted: plan.wanted, steps: plan.steps, keepsDroppedData: plan.keepsDroppedData)
        let finish = finishing.map { body in { @Sendable (_: MigrationPlan, transaction: any WriteTransaction) throws in try body(plan, transaction) } }
        return try await store.apply(scopedPlan, allowDestructive: allowDestructive, now: now, finishing: finish).map { applied in
            var entry = applied
            entry.app = plan.app
            return entry
        }
    }

    func migrationHistory(app: String) async throws -> [AppliedMigration] {
        try await store.migrationHistory(app: scoped(app)).map { applied in
            var entry = applied
            entry.app = app
            return entry
        }
    }

    func seedLoads(app: String) async throws -> [SeedLoad] {
        try await store.seedLoads(app: scoped(app)).map { load in
            var entry = load
            entry.app = app
            return entry
        }
    }

    func loadSeed<T: Sendable>(_ seed: SeedLoad, _ body: @Sendable (any WriteTransaction) throws -> T) async throws -> T? {
        var scopedSeed = seed
        scopedSeed.app = scoped(seed.app)
        return try await store.loadSeed(scopedSeed, body)
    }
}
