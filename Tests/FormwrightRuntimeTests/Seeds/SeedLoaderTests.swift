import FormwrightCore
import FormwrightRuntime
import FormwrightStorage
import Testing

/// Seed data: loaded once per table, in link order, all or nothing per file, problems at their lines.
@Suite struct SeedLoaderTests {
    static let customers = "\u{FEFF}id,name,region\r\nc1,Ada,east\r\nc2,\"Bob, Jr.\",west\r\n"
    static let deals = "customer,title,amount\nc1,First,10\nc2,Second,20.5\n"

    @Test func aSeedIsLoadedOnceAcrossTwoOpens() async throws {
        let app = try ImportTestApp(seeds: ["customers": Self.customers, "deals": Self.deals])
        let first = try await app.sqliteRuntime()
        let report = try await SeedLoader(runtime: first).load()
        #expect(report.loaded.map(\.table) == ["customers", "deals"])
        #expect(report.loaded.map(\.recordCount) == [2, 2])
        #expect(try await first.record(table: "customers", id: "c2")?.fields["name"] == .string("Bob, Jr."))
        try await first.storage.close()

        let second = try await app.sqliteRuntime()
        let again = try await SeedLoader(runtime: second).load()
        #expect(again.loaded.isEmpty)
        #expect(again.skipped == ["customers": "already loaded", "deals": "already loaded"])
        #expect(try await second.records(table: "deals", limit: 10, after: nil).records.count == 2)
        try await second.storage.close()

        try (Self.deals + "c1,Third,30\n").write(to: app.folder.appendingPathComponent("data/deals.csv"), atomically: true, encoding: .utf8)
        let third = try await app.sqliteRuntime()
        let changed = try await SeedLoader(runtime: third).load()
        #expect(changed.skipped["deals"] == "already loaded; the file changed since and is not loaded again")
        #expect(try await third.records(table: "deals", limit: 10, after: nil).records.count == 2)
        try await third.storage.close()
    }

    @Test func aSeedWithABadRowWritesNothingAndNamesTheLine() async throws {
        let bad = "id,name,region\nc1,Ada,east\nc2,Bob,middle\nc3,,west\n"
        let app = try ImportTestApp(seeds: ["customers": bad])
        let runtime = try await app.memoryRuntime()
        let rejected = await #expect(throws: SeedRejected.self) { try await SeedLoader(runtime: runtime).load() }
        #expect(
            rejected?.problems == [
                "data/customers.csv:3: field 'region': Please choose one of: east, north, south, west.",
                "data/customers.csv:4: field 'name': This field is required.",
            ])
        #expect(try await runtime.records(table: "customers", limit: 10, after: nil).records.isEmpty)
        let store = try #require(runtime.storage as? any MigratingBackend)
        #expect(try await store.seedLoads(app: "sales").isEmpty)
    }

    @Test func aBrokenLinkFailsTheWholeFile() async throws {
        let app = try ImportTestApp(seeds: ["customers": Self.customers, "deals": "customer,title\nc1,ok\nc9,lost\n"])
        let runtime = try await app.memoryRuntime()
        let rejected = await #expect(throws: SeedRejected.self) { try await SeedLoader(runtime: runtime).load() }
        #expect(rejected?.problems == ["data/deals.csv:3: field 'customer': The chosen record does not exist (it may have been deleted)."])
        #expect(try await runtime.records(table: "customers", limit: 10, after: nil).records.count == 2)
        #expect(try await runtime.records(table: "deals", limit: 10, after: nil).records.isEmpty)
    }

    @Test func aTableWithRecordsOrAnUnknownFileIsNotSeeded() async throws {
        let app = try ImportTestApp(seeds: ["customers": Self.customers])
        let runtime = try await app.memoryRuntime()
        _ = try await runtime.importRows(
            table: "customers", rows: [ImportRow(line: 2, id: nil, values: ["name": .string("Own")])], allOrNothing: true)
        let report = try await SeedLoader(runtime: runtime).load()
        #expect(report.skipped == ["customers": "the table already holds records"])

        let unknown = try ImportTestApp(seeds: ["customer": Self.customers])
        let rejected = await #expect(throws: SeedRejected.self) { try await SeedLoader(runtime: try await unknown.memoryRuntime()).load() }
        #expect(rejected?.problems == ["data/customer.csv: no table 'customer' in app 'sales'; did you mean 'customers'?"])
    }

    @Test func anAppWithoutDataLoadsNothing() async throws {
        let app = try ImportTestApp()
        #expect(try await SeedLoader(runtime: try await app.memoryRuntime()).load() == SeedReport())
    }
}
