public import FormwrightCore

extension MemoryStorage: MigratingBackend {
    /// See ``MigratingBackend/storedTables(app:)``.
    public func storedTables(app: String) async throws -> [TableSchema] {
        try SchemaRules.validate(app: app)
        return try state.withLock { state in
            try Self.checkOpen(state)
            return state.apps[app]?.stored ?? []
        }
    }

    /// See ``MigratingBackend/apply(_:allowDestructive:now:finishing:)``.
    public func apply(_ plan: MigrationPlan, allowDestructive: Bool, now: Timestamp, finishing: MigrationFinisher?) async throws
        -> AppliedMigration?
    {
        try SchemaRules.validate(app: plan.app)
        return try state.withLock { state in
            try Self.checkOpen(state)
            var copy = state.apps[plan.app] ?? MemoryApp()
            let entry = try copy.apply(plan, allowDestructive: allowDestructive, now: now, finishing: finishing)
            state.apps[plan.app] = copy
            return entry
        }
    }

    /// See ``MigratingBackend/migrationHistory(app:)``.
    public func migrationHistory(app: String) async throws -> [AppliedMigration] {
        try state.withLock { state in
            try Self.checkOpen(state)
            return state.apps[app]?.migrations ?? []
        }
    }

    /// See ``MigratingBackend/seedLoads(app:)``.
    public func seedLoads(app: String) async throws -> [SeedLoad] {
        try state.withLock { state in
            try Self.checkOpen(state)
            return state.apps[app]?.seeds ?? []
        }
    }

    /// See ``MigratingBackend/loadSeed(_:_:)``.
    public func loadSeed<T: Sendable>(_ seed: SeedLoad, _ body: @Sendable (any WriteTransaction) throws -> T) async throws -> T? {
        try SchemaRules.validate(app: seed.app)
        let loadedAt = try seed.loadedAt.storedPrecision()
        return try state.withLock { state in
            try Self.checkOpen(state)
            let app = state.apps[seed.app] ?? MemoryApp()
            if app.seeds.contains(where: { SchemaRules.foldedKey($0.table) == SchemaRules.foldedKey(seed.table) }) { return nil }
            let transaction = MemoryWriteTransaction(app: seed.app, tables: app)
            let result = try body(transaction)
            var written = transaction.tables
            var entry = seed
            entry.loadedAt = loadedAt
            written.seeds.append(entry)
            state.apps[seed.app] = written
            return result
        }
    }
}
