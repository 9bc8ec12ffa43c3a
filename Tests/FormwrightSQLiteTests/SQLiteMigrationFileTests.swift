import FormwrightCore
import FormwrightSQLite
import FormwrightStorage
import Foundation
import GRDB
import Testing

/// Migration history, seed records and read-only planning, as only a file can show them.
@Suite struct SQLiteMigrationFileTests {
    @Test func historyAndSeedLoadsSurviveReopening() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("data.sqlite")
        let first = try await SQLiteStorage(path: path)
        _ = try await first.apply(
            try await first.plan(app: "crm", schema: SQLiteFixtures.schema, revision: "r1"), allowDestructive: false, now: SQLiteFixtures.now)
        let seed = SeedLoad(app: "crm", table: "customers", fileHash: "abc", recordCount: 1, loadedAt: SQLiteFixtures.now)
        let loaded = try await first.loadSeed(seed) {
            try $0.insert(table: "customers", fields: ["name": .string("Ada")], revision: "r1", now: SQLiteFixtures.now).id
        }
        #expect(loaded != nil)
        try await first.close()

        let second = try await SQLiteStorage(path: path)
        #expect(try await second.migrationHistory(app: "crm").map(\.revision) == ["r1"])
        #expect(try await second.migrationHistory(app: "crm").first?.steps.count == 2)
        #expect(try await second.seedLoads(app: "crm") == [seed])
        #expect(try await second.loadSeed(seed) { _ in 1 } == nil)
        try await second.close()
        let queue = try DatabaseQueue(path: path)
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT app, revision FROM _formwright_migrations") }
        #expect(rows.count == 1)
    }

    @Test func aReadOnlyStorePlansButDoesNotApply() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("data.sqlite")
        let writer = try await SQLiteStorage(path: path)
        try await writer.prepare(app: "crm", schema: SQLiteFixtures.schema)
        try await writer.close()

        let reader = try await SQLiteStorage(path: path, readOnly: true)
        var grown = SQLiteFixtures.schema
        grown[0].columns.append(ColumnSchema(name: "region", type: .text))
        let plan = try await reader.plan(app: "crm", schema: grown, revision: "r2")
        #expect(plan.steps == [.addField(table: "customers", column: ColumnSchema(name: "region", type: .text), backfill: nil)])
        let refused = await #expect(throws: StorageError.self) { try await reader.apply(plan, allowDestructive: false, now: SQLiteFixtures.now) }
        #expect(refused?.code == .readOnly)
        try await reader.close()
    }

    @Test func aDroppedUniqueFieldLeavesNoIndexBehind() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("data.sqlite")
        let store = try await SQLiteStorage(path: path)
        try await store.prepare(app: "crm", schema: SQLiteFixtures.schema)
        let shrunk = [TableSchema(name: "customers", columns: [ColumnSchema(name: "name", type: .text)]), SQLiteFixtures.schema[1]]
        let plan = try await store.plan(app: "crm", schema: shrunk, revision: "r2")
        _ = try await store.apply(plan, allowDestructive: true, now: SQLiteFixtures.now)
        try await store.close()
        let indexes = try await DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%unique'")
        }
        #expect(indexes.isEmpty)
    }

    /// The plain indexes of an SQLite table, by name, with their columns.
    static func plainIndexes(_ path: String, table: String) async throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try await queue.read { db in
            var found: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, \"unique\" FROM pragma_index_list(?)", arguments: [table]) {
                let name: String = try row.decode(forColumn: "name")
                let unique: Int = try row.decode(forColumn: "unique")
                guard unique == 0 else { continue }
                found[name] = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?)", arguments: [name])
            }
            return found
        }
    }

    @Test func anIndexIsMadeRenamedWithItsFieldAndDropped() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("data.sqlite")
        let store = try await SQLiteStorage(path: path)
        var schema = SQLiteFixtures.schema
        _ = try await store.apply(try await store.plan(app: "crm", schema: schema, revision: "r1"), allowDestructive: false, now: SQLiteFixtures.now)
        #expect(try await Self.plainIndexes(path, table: "crm__customers").isEmpty)

        schema[0].columns[0].isIndexed = true
        // Unique already: no second index.
        schema[0].columns[1].isIndexed = true
        _ = try await store.apply(try await store.plan(app: "crm", schema: schema, revision: "r2"), allowDestructive: false, now: SQLiteFixtures.now)
        #expect(try await Self.plainIndexes(path, table: "crm__customers") == ["crm__9:customers__name__index": ["f_name"]])

        schema[0].name = "clients"
        schema[0].renamedFrom = "customers"
        schema[0].columns[0] = ColumnSchema(name: "full_name", type: .text, isIndexed: true, renamedFrom: "name")
        schema[1].columns[0].type = .link(table: "clients")
        _ = try await store.apply(try await store.plan(app: "crm", schema: schema, revision: "r3"), allowDestructive: false, now: SQLiteFixtures.now)
        #expect(try await Self.plainIndexes(path, table: "crm__clients") == ["crm__7:clients__full_name__index": ["f_full_name"]])
        let plan = try await DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM crm__clients WHERE f_full_name = 'Ada'").map {
                try $0.decode(String.self, forColumn: "detail")
            }.joined()
        }
        #expect(plan.contains("crm__7:clients__full_name__index"))

        schema[0].columns[0].isIndexed = false
        _ = try await store.apply(try await store.plan(app: "crm", schema: schema, revision: "r4"), allowDestructive: false, now: SQLiteFixtures.now)
        #expect(try await Self.plainIndexes(path, table: "crm__clients").isEmpty)
        try await store.close()
    }

    @Test func aFileFromBeforeIndexesReadsAsUnindexedAndGainsTheFlag() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("data.sqlite")
        let writer = try await SQLiteStorage(path: path)
        try await writer.prepare(app: "crm", schema: SQLiteFixtures.schema)
        try await writer.close()
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in try db.execute(sql: "ALTER TABLE _formwright_columns DROP COLUMN is_indexed") }
        try queue.close()

        let reader = try await SQLiteStorage(path: path, readOnly: true)
        #expect(try await reader.storedTables(app: "crm").flatMap(\.columns).allSatisfy { !$0.isIndexed })
        var schema = SQLiteFixtures.schema
        schema[0].columns[0].isIndexed = true
        #expect(try await reader.plan(app: "crm", schema: schema, revision: "r2").steps == [.addIndex(table: "customers", field: "name")])
        try await reader.close()

        let store = try await SQLiteStorage(path: path)
        _ = try await store.apply(try await store.plan(app: "crm", schema: schema, revision: "r2"), allowDestructive: false, now: SQLiteFixtures.now)
        #expect(try await store.plan(app: "crm", schema: schema, revision: "r2").isEmpty)
        try await store.close()
        #expect(try await Self.plainIndexes(path, table: "crm__customers") == ["crm__9:customers__name__index": ["f_name"]])
    }
}
