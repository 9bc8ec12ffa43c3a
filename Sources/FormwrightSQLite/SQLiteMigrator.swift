import FormwrightCore
import FormwrightStorage
import GRDB

/// Runs a migration plan's steps on the writer connection, inside the caller's transaction.
///
/// SQLite cannot change a column's type in place, so a type change copies the values, converted,
/// into a new column, drops the old one and gives the new one its name. A field's indexes, unique
/// and plain, are dropped before a step that renames or rebuilds their column and made again,
/// under their new names, once every step has run; an added index is made then too.
struct SQLiteMigrator {
    let app: String
    let db: Database

    /// Applies `plan` and records it; the metadata then describes `plan.storedAfter`.
    func apply(_ plan: MigrationPlan, now: Timestamp) throws -> AppliedMigration? {
        // The job table is not part of the app's schema: plans never list it, every migration makes sure it exists.
        try SQLiteJobSQL.create(app: app, db)
        for step in plan.steps { try run(step, plan: plan) }
        let after = plan.storedAfter
        try SQLiteSchemaStore.writeMetadata(app: app, stored: after, current: plan.wanted, db)
        try SQLiteSchemaStore.syncIndexes(app: app, tables: after, db)
        guard !plan.isEmpty else { return nil }
        let time = try now.storedPrecision()
        let steps = plan.steps.map(\.description)
        try db.execute(
            sql: "INSERT INTO \(SQLiteNames.quote(SQLiteNames.migrationsTable)) (app, revision, applied_at, steps) VALUES (?, ?, ?, ?)",
            arguments: [app, plan.revision, ColumnType.microseconds(time) ?? 0, "[" + steps.map(JSONText.quote).joined(separator: ",") + "]"])
        return AppliedMigration(app: app, revision: plan.revision, appliedAt: time, steps: steps)
    }

    private func run(_ step: MigrationStep, plan: MigrationPlan) throws {
        switch step {
        case .createTable(let table):
            try db.execute(
                sql: """
                    CREATE TABLE \(quotedTable(table.name)) (
                        id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL, revision TEXT NOT NULL
                    ) STRICT
                    """)
            for column in table.columns {
                try db.execute(
                    sql: "ALTER TABLE \(quotedTable(table.name)) ADD COLUMN \(quotedColumn(column.name)) \(SQLiteNames.sqlType(column.type))")
            }
        case .renameTable(let from, let to):
            let old = plan.stored.first { SchemaRules.foldedKey($0.name) == SchemaRules.foldedKey(from) }
            for column in old?.columns ?? [] { try dropIndex(table: from, field: column.name) }
            try db.execute(sql: "ALTER TABLE \(quotedTable(from)) RENAME TO \(quotedTable(to))")
            try db.execute(
                sql: "UPDATE \(SQLiteNames.quote(SQLiteNames.seedsTable)) SET table_key = ?, table_name = ? WHERE app = ? AND table_key = ?",
                arguments: [SchemaRules.foldedKey(to), to, app, SchemaRules.foldedKey(from)])
        case .renameField(let table, let from, let to):
            try dropIndex(table: table, field: from)
            try db.execute(sql: "ALTER TABLE \(quotedTable(table)) RENAME COLUMN \(quotedColumn(from)) TO \(quotedColumn(to))")
        case .addField(let table, let column, let backfill):
            try db.execute(sql: "ALTER TABLE \(quotedTable(table)) ADD COLUMN \(quotedColumn(column.name)) \(SQLiteNames.sqlType(column.type))")
            if let backfill {
                let stored = try column.type.encode(backfill, field: column.name, table: table)
                try db.execute(sql: "UPDATE \(quotedTable(table)) SET \(quotedColumn(column.name)) = ?", arguments: [stored.databaseValue])
            }
        case .changeType(let change):
            try changeType(table: change.table, field: change.field, from: change.from, to: change.to)
        case .addUniqueIndex(let table, let field):
            try checkUnique(table: table, field: field)
        case .dropUniqueIndex(let table, let field), .dropIndex(let table, let field):
            try dropIndex(table: table, field: field)
        case .addIndex:
            // Made with every other index once all steps have run (`SQLiteSchemaStore.syncIndexes`).
            break
        case .dropField(let table, let field):
            try dropIndex(table: table, field: field)
            try db.execute(sql: "ALTER TABLE \(quotedTable(table)) DROP COLUMN \(quotedColumn(field))")
        case .dropTable(let table):
            try db.execute(sql: "DROP TABLE \(quotedTable(table))")
            try db.execute(
                sql: "DELETE FROM \(SQLiteNames.quote(SQLiteNames.seedsTable)) WHERE app = ? AND table_key = ?",
                arguments: [app, SchemaRules.foldedKey(table)])
        }
    }

    private func changeType(table: String, field: String, from: ColumnType, to: ColumnType) throws {
        let temporary = SQLiteNames.quote(SQLiteNames.migratingColumn(field))
        try dropIndex(table: table, field: field)
        try db.execute(sql: "ALTER TABLE \(quotedTable(table)) ADD COLUMN \(temporary) \(SQLiteNames.sqlType(to))")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, \(quotedColumn(field)) FROM \(quotedTable(table))")
        var converted: [(id: String, value: DatabaseValue)] = []
        while let row = try rows.next() {
            let id: String = try row.decode(atIndex: 0)
            let old = ColumnValue(try row.decode(DatabaseValue.self, atIndex: 1)).flatMap { from.decode($0) } ?? .null
            let new = from.convert(old, to: to).flatMap { try? to.encode($0, field: field, table: table) } ?? .null
            if new != .null { converted.append((id, new.databaseValue)) }
        }
        let update = try db.makeStatement(sql: "UPDATE \(quotedTable(table)) SET \(temporary) = ? WHERE id = ?")
        for (id, value) in converted { try update.execute(arguments: [value, id]) }
        try db.execute(sql: "ALTER TABLE \(quotedTable(table)) DROP COLUMN \(quotedColumn(field))")
        try db.execute(sql: "ALTER TABLE \(quotedTable(table)) RENAME COLUMN \(temporary) TO \(quotedColumn(field))")
    }

    private func checkUnique(table: String, field: String) throws {
        let column = quotedColumn(field)
        let rows = try DatabaseValue.fetchAll(
            db,
            sql: """
                SELECT \(column) FROM \(quotedTable(table)) WHERE \(column) IS NOT NULL
                GROUP BY \(column) HAVING COUNT(*) > 1 ORDER BY \(column) LIMIT 6
                """)
        guard !rows.isEmpty else { return }
        let total =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM (SELECT 1 FROM \(quotedTable(table)) WHERE \(column) IS NOT NULL
                    GROUP BY \(column) HAVING COUNT(*) > 1)
                    """) ?? rows.count
        throw StorageError.notUnique(table: table, field: field, sharedValues: rows.compactMap { ColumnValue($0) }, total: total)
    }

    /// Drops the field's indexes, unique and plain; those it keeps are made again once every step has run.
    private func dropIndex(table: String, field: String) throws {
        try db.execute(sql: "DROP INDEX IF EXISTS \(SQLiteNames.quote(SQLiteNames.uniqueIndex(app: app, table: table, field: field)))")
        try db.execute(sql: "DROP INDEX IF EXISTS \(SQLiteNames.quote(SQLiteNames.index(app: app, table: table, field: field)))")
    }

    private func quotedTable(_ table: String) -> String { SQLTableName(app: app, table: table).quoted }

    private func quotedColumn(_ field: String) -> String { SQLiteNames.quote(SQLiteNames.column(field)) }
}
