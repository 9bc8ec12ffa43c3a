import FormwrightCore
import FormwrightPostgres
import FormwrightStorage
import Foundation
import Testing

/// What only PostgreSQL needs checking about migrations: history, seed loads and the renamed
/// schema seen by another process, and two processes migrating at once.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured))
struct PostgresMigrationTests {
    static let people = TableSchema(
        name: "people", columns: [ColumnSchema(name: "name", type: .text), ColumnSchema(name: "email", type: .text, isUnique: true)])
    static let now = Timestamp(seconds: 1_800_000_000)

    @Test func anotherStoreSeesTheMigratedSchemaHistoryAndSeeds() async throws {
        let app = PostgresTestDatabase.freshApp("history")
        let first = try await PostgresTestDatabase.open()
        try await first.migrateSafely(app: app, schema: [Self.people], revision: "r1", now: Self.now)
        let seed = SeedLoad(app: app, table: "people", fileHash: "h1", recordCount: 1, loadedAt: Self.now)
        _ = try await first.loadSeed(seed) {
            try $0.insert(table: "people", id: "p1", fields: ["email": .string("a@x")], revision: "r1", now: Self.now)
        }
        let members = TableSchema(
            name: "members",
            columns: [
                ColumnSchema(name: "full_name", type: .text, renamedFrom: "name"), ColumnSchema(name: "email", type: .text, isUnique: true),
            ],
            renamedFrom: "people")
        try await first.migrateSafely(app: app, schema: [members], revision: "r2", now: Self.now)
        try await first.close()

        let second = try await PostgresTestDatabase.open()
        #expect(try await second.migrationHistory(app: app).map(\.revision) == ["r1", "r2"])
        #expect(try await second.seedLoads(app: app).map(\.table) == ["members"])
        let record = try await second.read(app: app) { try $0.record(table: "members", id: "p1") }
        #expect(record?.fields["email"] == .string("a@x"))
        let taken = await #expect(throws: StorageError.self) {
            try await second.write(app: app) {
                try $0.insert(table: "members", fields: ["email": .string("a@x")], revision: "r2", now: Self.now)
            }
        }
        #expect(taken?.code == .uniqueViolation)
        #expect(taken?.field == "email")
        try await second.drop(app: app)
        #expect(try await second.migrationHistory(app: app).isEmpty)
        #expect(try await second.seedLoads(app: app).isEmpty)
        try await second.close()
    }

    @Test func twoStoresMigratingAtOnceApplyOnePlan() async throws {
        let app = PostgresTestDatabase.freshApp("race")
        let stores = [try await PostgresTestDatabase.open(), try await PostgresTestDatabase.open()]
        let plans = [
            try await stores[0].plan(app: app, schema: [Self.people], revision: "r1"),
            try await stores[1].plan(app: app, schema: [Self.people], revision: "r1"),
        ]
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<2 {
                group.addTask { (try? await stores[index].apply(plans[index], allowDestructive: false, now: Self.now)) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await stores[0].migrationHistory(app: app).count == 1)
        try await stores[0].drop(app: app)
        for store in stores { try await store.close() }
    }

    @Test func anIndexIsInPgIndexesFollowsRenamesAndIsDropped() async throws {
        let app = PostgresTestDatabase.freshApp("index")
        let store = try await PostgresTestDatabase.open()
        var people = Self.people
        people.columns[0].isIndexed = true
        // A unique field gets no second index.
        people.columns[1].isIndexed = true
        try await store.migrateSafely(app: app, schema: [people], revision: "r1", now: Self.now)
        var indexes = try await PostgresTestDatabase.indexes(app: app)
        #expect(indexes["6:people__name__index"]?.hasSuffix("USING btree (f_name)") == true)
        #expect(indexes["6:people__email__unique"] != nil)
        #expect(indexes.count == 3)
        #expect(try await store.plan(app: app, schema: [people], revision: "r1").isEmpty)

        let members = TableSchema(
            name: "members",
            columns: [
                ColumnSchema(name: "full_name", type: .text, isIndexed: true, renamedFrom: "name"),
                ColumnSchema(name: "email", type: .text, isUnique: true),
            ],
            renamedFrom: "people")
        try await store.migrateSafely(app: app, schema: [members], revision: "r2", now: Self.now)
        indexes = try await PostgresTestDatabase.indexes(app: app)
        #expect(indexes["7:members__full_name__index"]?.hasSuffix("USING btree (f_full_name)") == true)
        #expect(indexes["6:people__name__index"] == nil)
        #expect(try await store.storedTables(app: app).first?.columns.first?.isIndexed == true)

        // Past 63 bytes the name is a hash, as for unique indexes.
        let long = String(repeating: "x", count: 60)
        var wide = members
        wide.columns.append(ColumnSchema(name: long, type: .integer, isIndexed: true))
        try await store.migrateSafely(app: app, schema: [wide], revision: "r3", now: Self.now)
        let hashed = try await PostgresTestDatabase.indexes(app: app).filter { $0.key.hasPrefix("index_") }
        #expect(hashed.count == 1)
        #expect(hashed.first?.value.hasSuffix("(f_\(long))") == true)

        var plain = wide
        plain.columns[0].isIndexed = false
        plain.columns[2].isIndexed = false
        try await store.migrateSafely(app: app, schema: [plain], revision: "r4", now: Self.now)
        let left = try await PostgresTestDatabase.indexes(app: app).keys.filter { !$0.hasSuffix("_pkey") }
        #expect(left == ["7:members__email__unique"])
        try await store.drop(app: app)
        try await store.close()
    }
}
