import FormwrightCore
import FormwrightStorage
import Testing

/// Migration plans applied on every backend: one transaction, destructive steps refused unless
/// allowed, data kept through renames and widening, each migration recorded.
@Suite struct MigrationConformanceTests {
    static let customers = TableSchema(
        name: "customers",
        columns: [ColumnSchema(name: "name", type: .text), ColumnSchema(name: "code", type: .text), ColumnSchema(name: "visits", type: .integer)])
    static let deals = TableSchema(
        name: "deals", columns: [ColumnSchema(name: "customer", type: .link(table: "customers")), ColumnSchema(name: "title", type: .text)])

    static func migrating(_ factory: BackendFactory, _ folder: TemporaryFolder) async throws -> any MigratingBackend {
        try #require(try await factory.make(folder) as? any MigratingBackend)
    }

    /// A store with two customers (codes "a" and "a") and one deal linking the first.
    static func seeded(_ store: any MigratingBackend) async throws -> (customer: StoredRecord, deal: StoredRecord) {
        _ = try await store.apply(
            try await store.plan(app: "crm", schema: [customers, deals], revision: "r1"), allowDestructive: false, now: Fixtures.now)
        return try await store.write(app: "crm") { transaction in
            let first = try transaction.insert(
                table: "customers", id: "c1", fields: ["name": .string("Ada"), "code": .string("a"), "visits": .int(3)], revision: "r1",
                now: Fixtures.now)
            _ = try transaction.insert(
                table: "customers", id: "c2", fields: ["name": .string("Bob"), "code": .string("a"), "visits": .int(-4)], revision: "r1",
                now: Fixtures.now)
            let deal = try transaction.insert(
                table: "deals", fields: ["customer": .string("c1"), "title": .string("big")], revision: "r1", now: Fixtures.now)
            return (first, deal)
        }
    }

    @Test(arguments: BackendFactory.all)
    func aDestructivePlanIsRefusedAndNothingChanges(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Self.migrating(factory, folder)
        let (customer, deal) = try await Self.seeded(store)
        var narrowed = Self.customers
        narrowed.columns[2].type = .boolean
        narrowed.columns.append(ColumnSchema(name: "tier", type: .text, backfill: .string("basic")))
        let plan = try await store.plan(app: "crm", schema: [narrowed], revision: "r2")
        #expect(plan.isDestructive)
        let before = try await store.storedTables(app: "crm")
        let refused = await #expect(throws: StorageError.self) { try await store.apply(plan, allowDestructive: false, now: Fixtures.later) }
        #expect(refused?.code == .incompatibleSchema)
        #expect(MigrationPlan.sameTables(try await store.storedTables(app: "crm"), before))
        #expect(try await store.read(app: "crm") { try $0.record(table: "customers", id: customer.id) } == customer)
        #expect(try await store.read(app: "crm") { try $0.record(table: "deals", id: deal.id) } == deal)
        #expect(try await store.migrationHistory(app: "crm").count == 1)

        let applied = try #require(try await store.apply(plan, allowDestructive: true, now: Fixtures.later))
        #expect(applied.revision == "r2")
        #expect(applied.steps == plan.steps.map(\.description))
        let after = try await store.read(app: "crm") { try $0.record(table: "customers", id: customer.id) }
        #expect(after?.fields == ["name": .string("Ada"), "code": .string("a"), "visits": .null, "tier": .string("basic")])
        let unknown = await #expect(throws: StorageError.self) { try await store.read(app: "crm") { try $0.count(table: "deals") } }
        #expect(unknown?.code == .unknownTable)
        #expect(try await store.migrationHistory(app: "crm").map(\.revision) == ["r1", "r2"])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func renamesKeepTheData(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Self.migrating(factory, folder)
        let (customer, deal) = try await Self.seeded(store)
        let clients = TableSchema(
            name: "clients",
            columns: [
                ColumnSchema(name: "full_name", type: .text, renamedFrom: "name"), ColumnSchema(name: "code", type: .text),
                ColumnSchema(name: "visits", type: .integer),
            ],
            renamedFrom: "customers")
        let deals = TableSchema(
            name: "deals", columns: [ColumnSchema(name: "customer", type: .link(table: "clients")), ColumnSchema(name: "title", type: .text)])
        let plan = try await store.plan(app: "crm", schema: [clients, deals], revision: "r2")
        #expect(!plan.isDestructive)
        _ = try await store.apply(plan, allowDestructive: false, now: Fixtures.later)
        let renamed = try await store.read(app: "crm") { try $0.record(table: "clients", id: customer.id) }
        #expect(renamed?.fields["full_name"] == .string("Ada"))
        #expect(renamed?.version == customer.version)
        let linked = try await store.read(app: "crm") { try $0.record(table: "deals", id: deal.id) }
        #expect(linked?.fields["customer"] == .string("c1"))
        #expect(try await store.plan(app: "crm", schema: [clients, deals], revision: "r3").isEmpty)
        try await store.close()
    }

    /// A field added with a fill expression: the app fills it inside the migration's transaction.
    static func withLabel() -> TableSchema {
        var table = customers
        table.columns.append(ColumnSchema(name: "label", type: .text, fillExpression: "name + '!'"))
        return table
    }

    /// Fills `label` from `name`, as an app evaluating its expression would.
    static let fillLabels: MigrationFinisher = { plan, transaction in
        var query = RecordQuery(table: "customers", limit: 1)
        while true {
            let page = try transaction.records(query)
            for record in page.records {
                guard case .string(let name)? = record.fields["name"] else { continue }
                _ = try transaction.update(
                    table: "customers", id: record.id, fields: ["label": .string(name + "!")], expectedVersion: nil, revision: plan.revision,
                    now: Fixtures.later)
            }
            guard let next = page.next else { return }
            query.after = next
        }
    }

    @Test(arguments: BackendFactory.all)
    func finishingFillsAddedFieldsInTheSameTransaction(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Self.migrating(factory, folder)
        _ = try await Self.seeded(store)
        let plan = try await store.plan(app: "crm", schema: [Self.withLabel(), Self.deals], revision: "r2")
        #expect(plan.steps.map(\.description) == ["add field 'label' (text) to table 'customers' (existing records get the value of '= name + '!'')"])
        _ = try await store.apply(plan, allowDestructive: false, now: Fixtures.later, finishing: Self.fillLabels)
        let labels = try await store.read(app: "crm") { transaction in
            try transaction.records(RecordQuery(table: "customers")).records.map { $0.fields["label"] }
        }
        #expect(labels == [.string("Ada!"), .string("Bob!")])
        #expect(try await store.migrationHistory(app: "crm").map(\.revision) == ["r1", "r2"])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func failedFinishingLeavesNothingOfTheMigration(_ factory: BackendFactory) async throws {
        struct Refusal: Error {}
        let folder = try TemporaryFolder()
        let store = try await Self.migrating(factory, folder)
        _ = try await Self.seeded(store)
        let before = try await store.storedTables(app: "crm")
        let plan = try await store.plan(app: "crm", schema: [Self.withLabel(), Self.deals], revision: "r2")
        await #expect(throws: Refusal.self) {
            try await store.apply(plan, allowDestructive: false, now: Fixtures.later) { plan, transaction in
                try Self.fillLabels(plan, transaction)
                throw Refusal()
            }
        }
        #expect(try await store.storedTables(app: "crm") == before)
        #expect(try await store.migrationHistory(app: "crm").map(\.revision) == ["r1"])
        let versions = try await store.read(app: "crm") { transaction in
            try transaction.records(RecordQuery(table: "customers")).records.map(\.version)
        }
        #expect(versions == [1, 1])
        // The same plan still applies afterwards: nothing half-done stands in its way.
        _ = try await store.apply(plan, allowDestructive: false, now: Fixtures.later, finishing: Self.fillLabels)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func wideningKeepsEveryValue(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Self.migrating(factory, folder)
        _ = try await Self.seeded(store)
        var widened = Self.customers
        widened.columns[2].type = .double
        // The safe start a server makes: widening is applied without asking.
        try await store.migrateSafely(app: "crm", schema: [widened, Self.deals], revision: "r2", now: Fixtures.later)
        let visits = try await store.read(app: "crm") { transaction in
            try transaction.records(RecordQuery(table: "customers")).records.map { $0.fields["visits"] }
        }
        #expect(visits == [.double(3), .double(-4)])
        let sorted = try await store.read(app: "crm") { try $0.records(RecordQuery(table: "customers", sort: .ascending("visits"))) }
        #expect(sorted.records.map(\.id) == ["c2", "c1"])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func aUniqueIndexOverSharedValuesIsRefusedNamingThem(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Self.migrating(factory, folder)
        _ = try await Self.seeded(store)
        var unique = Self.customers
        unique.columns[1].isUnique = true
        let plan = try await store.plan(app: "crm", schema: [unique, Self.deals], revision: "r2")
        #expect(!plan.isDestructive)
        let error = await #expect(throws: StorageError.self) { try await store.apply(plan, allowDestructive: false, now: Fixtures.later) }
        #expect(error?.code == .incompatibleSchema)
        #expect(error?.field == "code")
        #expect(error?.message.contains("records share the value 'a'") == true)
        // Nothing changed: the field still takes a repeated value.
        _ = try await store.write(app: "crm") {
            try $0.insert(table: "customers", fields: ["code": .string("a")], revision: "r1", now: Fixtures.later)
        }
        #expect(try await store.migrationHistory(app: "crm").count == 1)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func anIndexIsAddedKeptThroughRenamesAndDropped(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Self.migrating(factory, folder)
        _ = try await Self.seeded(store)
        func storedFlag(_ table: String, _ field: String) async throws -> Bool? {
            try await store.storedTables(app: "crm").first { $0.name == table }?.columns.first { $0.name == field }?.isIndexed
        }
        func codeAPage(_ table: String, _ field: String) async throws -> [String] {
            try await store.read(app: "crm") {
                try $0.records(RecordQuery(table: table, filters: [field: .string("a")], sort: .descending("visits"), limit: 1)).records.map(\.id)
            }
        }

        var indexed = Self.customers
        indexed.columns[1].isIndexed = true
        let add = try await store.plan(app: "crm", schema: [indexed, Self.deals], revision: "r2")
        #expect(add.steps == [.addIndex(table: "customers", field: "code")])
        #expect(!add.isDestructive)
        _ = try await store.apply(add, allowDestructive: false, now: Fixtures.later)
        #expect(try await storedFlag("customers", "code") == true)
        #expect(try await store.plan(app: "crm", schema: [indexed, Self.deals], revision: "r2").isEmpty)
        #expect(try await codeAPage("customers", "code") == ["c1"])

        var clients = indexed
        clients.name = "clients"
        clients.renamedFrom = "customers"
        clients.columns[1] = ColumnSchema(name: "ref", type: .text, isIndexed: true, renamedFrom: "code")
        var deals = Self.deals
        deals.columns[0].type = .link(table: "clients")
        let rename = try await store.plan(app: "crm", schema: [clients, deals], revision: "r3")
        #expect(rename.steps == [.renameTable(from: "customers", to: "clients"), .renameField(table: "clients", from: "code", to: "ref")])
        _ = try await store.apply(rename, allowDestructive: false, now: Fixtures.later)
        #expect(try await storedFlag("clients", "ref") == true)
        #expect(try await store.plan(app: "crm", schema: [clients, deals], revision: "r3").isEmpty)
        #expect(try await codeAPage("clients", "ref") == ["c1"])

        clients.columns[1].isIndexed = false
        let drop = try await store.plan(app: "crm", schema: [clients, deals], revision: "r4")
        #expect(drop.steps == [.dropIndex(table: "clients", field: "ref")])
        #expect(!drop.isDestructive)
        let applied = try await store.apply(drop, allowDestructive: false, now: Fixtures.later)
        #expect(applied?.steps == ["drop the index on field 'ref' of table 'clients', keeping its values"])
        #expect(try await storedFlag("clients", "ref") == false)
        #expect(try await store.plan(app: "crm", schema: [clients, deals], revision: "r4").isEmpty)
        #expect(try await codeAPage("clients", "ref") == ["c1"])
        #expect(try await store.migrationHistory(app: "crm").map(\.revision) == ["r1", "r2", "r3", "r4"])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func aPlanMadeBeforeAnotherMigrationIsRefused(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Self.migrating(factory, folder)
        _ = try await Self.seeded(store)
        var first = Self.customers
        first.columns.append(ColumnSchema(name: "tier", type: .text))
        let stale = try await store.plan(app: "crm", schema: [first, Self.deals], revision: "r2")
        var second = Self.customers
        second.columns.append(ColumnSchema(name: "region", type: .text))
        _ = try await store.apply(
            try await store.plan(app: "crm", schema: [second, Self.deals], revision: "r3"), allowDestructive: false, now: Fixtures.later)
        let error = await #expect(throws: StorageError.self) { try await store.apply(stale, allowDestructive: true, now: Fixtures.later) }
        #expect(error?.code == .outdatedPlan)
        #expect(error?.message.hasSuffix("changed since the migration was planned; plan again") == true)
        #expect(try await store.migrationHistory(app: "crm").map(\.revision) == ["r1", "r3"], "the outdated plan changed nothing")
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func twoStoresMigratingOneAppTogetherBothSucceed(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Self.migrating(factory, folder)
        var customers = Self.customers
        customers.columns.append(ColumnSchema(name: "tier", type: .text))
        let wanted = [customers, Self.deals]
        // Several starts at once on one store: whichever plans after another applied plans again.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { try await store.migrateSafely(app: "crm", schema: wanted, revision: "r2", now: Fixtures.later) }
            }
            try await group.waitForAll()
        }
        #expect(try await store.migrationHistory(app: "crm").map(\.revision) == ["r2"])
        #expect(try await store.plan(app: "crm", schema: wanted, revision: "r2").isEmpty)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func aSeedLoadsOnceAndAFailedOneLeavesNothing(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Self.migrating(factory, folder)
        _ = try await store.apply(
            try await store.plan(app: "crm", schema: [Self.customers], revision: "r1"), allowDestructive: false, now: Fixtures.now)
        let seed = SeedLoad(app: "crm", table: "customers", fileHash: "h1", recordCount: 1, loadedAt: Fixtures.now)
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await store.loadSeed(seed) { transaction in
                _ = try transaction.insert(table: "customers", fields: ["name": .string("half")], revision: "r1", now: Fixtures.now)
                throw Refused()
            }
        }
        #expect(try await store.read(app: "crm") { try $0.count(table: "customers") } == 0)
        #expect(try await store.seedLoads(app: "crm").isEmpty)
        let first = try await store.loadSeed(seed) { transaction in
            try transaction.insert(table: "customers", fields: ["name": .string("Ada")], revision: "r1", now: Fixtures.now).id
        }
        #expect(first != nil)
        let second = try await store.loadSeed(seed) { _ in "ran again" }
        #expect(second == nil)
        #expect(try await store.seedLoads(app: "crm").map(\.table) == ["customers"])
        #expect(try await store.seedLoads(app: "crm").first?.fileHash == "h1")
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func narrowingConvertsWhatFitsAndEmptiesTheRest(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Self.migrating(factory, folder)
        let prices = TableSchema(
            name: "prices",
            columns: [
                ColumnSchema(name: "amount", type: .money(scale: 2)), ColumnSchema(name: "ratio", type: .double),
                ColumnSchema(name: "day", type: .text),
            ])
        _ = try await store.apply(try await store.plan(app: "crm", schema: [prices], revision: "r1"), allowDestructive: false, now: Fixtures.now)
        _ = try await store.write(app: "crm") { transaction in
            _ = try transaction.insert(
                table: "prices", id: "p1", fields: ["amount": .int(1_200), "ratio": .double(2), "day": .string("2026-01-31")], revision: "r1",
                now: Fixtures.now)
            _ = try transaction.insert(
                table: "prices", id: "p2", fields: ["amount": .int(1_234), "ratio": .double(2.5), "day": .string("soon")], revision: "r1",
                now: Fixtures.now)
        }
        let narrowed = TableSchema(
            name: "prices",
            columns: [
                ColumnSchema(name: "amount", type: .money(scale: 0)), ColumnSchema(name: "ratio", type: .integer),
                ColumnSchema(name: "day", type: .date),
            ])
        let plan = try await store.plan(app: "crm", schema: [narrowed], revision: "r2")
        #expect(plan.destructiveSteps.count == 3)
        _ = try await store.apply(plan, allowDestructive: true, now: Fixtures.later)
        let rows = try await store.read(app: "crm") { try $0.records(RecordQuery(table: "prices")).records.map(\.fields) }
        #expect(
            rows == [
                ["amount": .int(12), "ratio": .int(2), "day": .string("2026-01-31")],
                ["amount": .null, "ratio": .null, "day": .null],
            ])
        try await store.close()
    }
}
