import FormwrightCore
import FormwrightStorage
import PostgresNIO

/// Runs a migration plan's steps on one connection, inside the caller's transaction.
///
/// A type change copies the values, converted exactly as the other backends convert them, into a
/// new column, drops the old one and gives the new one its name. A field's indexes, unique and
/// plain, are dropped before a step that renames or rebuilds their column and made again, under
/// their new names, once every step has run; an added index is made then too, inside the
/// migration's transaction (`CREATE INDEX`, not `CONCURRENTLY`: writes to the table wait for it).
struct PostgresMigrator {
    let app: String
    let connection: PostgresConnection
    let logger: Logger

    /// Applies `plan` and records it; the metadata then describes `plan.storedAfter`.
    func apply(_ plan: MigrationPlan, now: Timestamp) async throws -> AppliedMigration? {
        _ = try await run(PostgresStatement("CREATE SCHEMA IF NOT EXISTS \(PostgresNames.quote(app))"))
        try await PostgresJobSQL.create(app: app, run)
        for step in plan.steps { try await run(step, plan: plan) }
        let after = plan.storedAfter
        try await PostgresSchemaStore.writeMetadata(app: app, stored: after, current: plan.wanted, run)
        try await syncIndexes(after)
        guard !plan.isEmpty else { return nil }
        let time = try now.storedPrecision()
        let steps = plan.steps.map(\.description)
        var record = PostgresStatement()
        record.sql = """
            INSERT INTO \(PostgresNames.metadata(PostgresNames.migrationsTable)) (app, revision, applied_at, steps)
            VALUES (\(record.parameter(app)), \(record.parameter(plan.revision)),
                \(record.parameter(.integer(ColumnType.microseconds(time) ?? 0), as: .timestamp)),
                \(record.parameter("[" + steps.map(JSONText.quote).joined(separator: ",") + "]")))
            """
        _ = try await run(record)
        return AppliedMigration(app: app, revision: plan.revision, appliedAt: time, steps: steps)
    }

    /// Runs one statement and returns its rows.
    func run(_ statement: PostgresStatement) async throws -> [PostgresRow] {
        try await connection.query(statement.query, logger: logger).collect()
    }

    private func run(_ step: MigrationStep, plan: MigrationPlan) async throws {
        switch step {
        case .createTable(let table):
            _ = try await run(
                PostgresStatement(
                    """
                    CREATE TABLE \(quotedTable(table.name)) (
                        id TEXT COLLATE "C" PRIMARY KEY, version BIGINT NOT NULL, created_at TIMESTAMPTZ NOT NULL,
                        updated_at TIMESTAMPTZ NOT NULL, revision TEXT NOT NULL)
                    """))
            for column in table.columns {
                _ = try await run(
                    PostgresStatement(
                        "ALTER TABLE \(quotedTable(table.name)) ADD COLUMN \(quotedColumn(column.name)) \(PostgresNames.sqlType(column.type))"))
            }
        case .renameTable(let from, let to):
            let old = plan.stored.first { SchemaRules.foldedKey($0.name) == SchemaRules.foldedKey(from) }
            for column in old?.columns ?? [] { try await dropIndex(table: from, field: column.name) }
            _ = try await run(PostgresStatement("ALTER TABLE \(quotedTable(from)) RENAME TO \(PostgresNames.quote(PostgresNames.table(to)))"))
            var seeds = PostgresStatement()
            seeds.sql = """
                UPDATE \(PostgresNames.metadata(PostgresNames.seedsTable)) SET table_key = \(seeds.parameter(SchemaRules.foldedKey(to))),
                    table_name = \(seeds.parameter(to))
                WHERE app = \(seeds.parameter(app)) AND table_key = \(seeds.parameter(SchemaRules.foldedKey(from)))
                """
            _ = try await run(seeds)
        case .renameField(let table, let from, let to):
            try await dropIndex(table: table, field: from)
            _ = try await run(PostgresStatement("ALTER TABLE \(quotedTable(table)) RENAME COLUMN \(quotedColumn(from)) TO \(quotedColumn(to))"))
        case .addField(let table, let column, let backfill):
            _ = try await run(
                PostgresStatement("ALTER TABLE \(quotedTable(table)) ADD COLUMN \(quotedColumn(column.name)) \(PostgresNames.sqlType(column.type))"))
            if let backfill {
                let stored = try column.type.encode(backfill, field: column.name, table: table)
                var fill = PostgresStatement()
                fill.sql = "UPDATE \(quotedTable(table)) SET \(quotedColumn(column.name)) = \(fill.parameter(stored, as: column.type))"
                _ = try await run(fill)
            }
        case .changeType(let change):
            try await changeType(change)
        case .addUniqueIndex(let table, let field):
            let wanted = plan.wanted.first { SchemaRules.foldedKey($0.name) == SchemaRules.foldedKey(table) }
            let column = wanted?.columns.first { SchemaRules.foldedKey($0.name) == SchemaRules.foldedKey(field) }
            try await checkUnique(table: table, field: field, type: column?.type ?? .text)
        case .dropUniqueIndex(let table, let field), .dropIndex(let table, let field):
            try await dropIndex(table: table, field: field)
        case .addIndex:
            // Made with every other index once all steps have run (`syncIndexes`).
            break
        case .dropField(let table, let field):
            try await dropIndex(table: table, field: field)
            _ = try await run(PostgresStatement("ALTER TABLE \(quotedTable(table)) DROP COLUMN \(quotedColumn(field))"))
        case .dropTable(let table):
            _ = try await run(PostgresStatement("DROP TABLE \(quotedTable(table))"))
            var seeds = PostgresStatement()
            seeds.sql = """
                DELETE FROM \(PostgresNames.metadata(PostgresNames.seedsTable))
                WHERE app = \(seeds.parameter(app)) AND table_key = \(seeds.parameter(SchemaRules.foldedKey(table)))
                """
            _ = try await run(seeds)
        }
    }

    private func changeType(_ change: TypeChange) async throws {
        let table = quotedTable(change.table)
        let temporary = PostgresNames.quote(PostgresNames.migratingColumn)
        try await dropIndex(table: change.table, field: change.field)
        _ = try await run(PostgresStatement("ALTER TABLE \(table) ADD COLUMN \(temporary) \(PostgresNames.sqlType(change.to))"))
        let rows = try await run(PostgresStatement("SELECT id, \(quotedColumn(change.field)) FROM \(table)"))
        for row in rows {
            let cells = row.makeRandomAccess()
            guard case .text(let id) = ColumnValue(cells[0], as: .text) else { continue }
            let old = ColumnValue(cells[1], as: change.from).flatMap { change.from.decode($0) } ?? .null
            let new =
                change.from.convert(old, to: change.to).flatMap { try? change.to.encode($0, field: change.field, table: change.table) } ?? .null
            guard new != .null else { continue }
            var update = PostgresStatement()
            update.sql = "UPDATE \(table) SET \(temporary) = \(update.parameter(new, as: change.to)) WHERE id = \(update.parameter(id))"
            _ = try await run(update)
        }
        _ = try await run(PostgresStatement("ALTER TABLE \(table) DROP COLUMN \(quotedColumn(change.field))"))
        _ = try await run(PostgresStatement("ALTER TABLE \(table) RENAME COLUMN \(temporary) TO \(quotedColumn(change.field))"))
    }

    /// Throws, naming the shared values, when records share a value of the field; holds off
    /// other writers to the table until the transaction ends, so none can add a shared value
    /// before the index is made.
    private func checkUnique(table: String, field: String, type: ColumnType) async throws {
        let column = quotedColumn(field)
        _ = try await run(PostgresStatement("LOCK TABLE \(quotedTable(table)) IN SHARE MODE"))
        let shared = try await run(
            PostgresStatement(
                """
                SELECT \(column) FROM \(quotedTable(table)) WHERE \(column) IS NOT NULL
                GROUP BY \(column) HAVING COUNT(*) > 1 ORDER BY \(column) LIMIT 6
                """))
        guard !shared.isEmpty else { return }
        let counted = try await run(
            PostgresStatement(
                """
                SELECT COUNT(*) FROM (SELECT 1 FROM \(quotedTable(table)) WHERE \(column) IS NOT NULL
                GROUP BY \(column) HAVING COUNT(*) > 1) AS shared
                """))
        let total = try counted.first.map { Int(try $0.decode(Int64.self)) } ?? shared.count
        let values = shared.compactMap { row in ColumnValue(row.makeRandomAccess()[0], as: type) }
        throw StorageError.notUnique(table: table, field: field, sharedValues: values, total: total)
    }

    /// Makes each field's unique index exist exactly when the field is unique, and its plain
    /// index exactly when it is indexed and not unique.
    private func syncIndexes(_ tables: [TableSchema]) async throws {
        for table in tables {
            for column in table.columns {
                try await PostgresSchemaStore.syncPlainIndex(app: app, table: table.name, column: column, run)
                let index = PostgresNames.uniqueIndex(table: table.name, field: column.name)
                if column.isUnique {
                    _ = try await run(
                        PostgresStatement(
                            "CREATE UNIQUE INDEX IF NOT EXISTS \(PostgresNames.quote(index)) ON \(quotedTable(table.name)) (\(quotedColumn(column.name)))"
                        ))
                } else {
                    let index = PostgresNames.uniqueIndex(table: table.name, field: column.name)
                    _ = try await run(PostgresStatement("DROP INDEX IF EXISTS \(PostgresNames.quote(app)).\(PostgresNames.quote(index))"))
                }
            }
        }
    }

    /// Drops the field's indexes, unique and plain; those it keeps are made again once every step has run.
    private func dropIndex(table: String, field: String) async throws {
        for index in [PostgresNames.uniqueIndex(table: table, field: field), PostgresNames.index(table: table, field: field)] {
            _ = try await run(PostgresStatement("DROP INDEX IF EXISTS \(PostgresNames.quote(app)).\(PostgresNames.quote(index))"))
        }
    }

    private func quotedTable(_ table: String) -> String { PostgresNames.qualified(app: app, table: table) }

    private func quotedColumn(_ field: String) -> String { PostgresNames.quote(PostgresNames.column(field)) }
}
