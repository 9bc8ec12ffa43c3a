import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Foundation
import Testing

/// Dashboards computed by each store, compared with figures worked out from the seeded deals by hand.
@Suite struct DashboardRuntimeTests {
    /// Money in minor units as the API shows it.
    static func money(_ minor: Int64) -> Value { .string(MoneyText.format(minor, scale: 2)) }

    @Test(arguments: DashboardApp.backends)
    func figuresMatchSumsWorkedOutByHand(backend: String) async throws {
        try await DashboardApp.withStore(backend) { runtime in try await Self.figuresMatchSumsWorkedOutByHandOn(runtime) }
    }

    static func figuresMatchSumsWorkedOutByHandOn(_ runtime: AppRuntime) async throws {
        let result = try await runtime.dashboard("sales", now: DashboardApp.now)
        let deals = DashboardApp.deals
        #expect(result.title == "Sales")
        #expect(result.timeZone == "Asia/Shanghai")
        #expect(result.tiles.count == 7)

        // Wednesday 2026-11-25 in Shanghai: this week started on Monday 2026-11-23, so the last four
        // weeks are 2026-11-02 … 2026-11-29 and the four before 2026-10-05 … 2026-11-01.
        func won(from: String, to: String) -> Int64 {
            deals.filter { $0.stage == "won" && DashboardApp.day($0.closedOn) >= from && DashboardApp.day($0.closedOn) <= to }
                .reduce(0) { $0 + ($1.minor ?? 0) }
        }
        let wonNow = won(from: "2026-11-02", to: "2026-11-29")
        let wonBefore = won(from: "2026-10-05", to: "2026-11-01")
        #expect(wonNow > 0 && wonBefore > 0)
        let kpi = result.tiles[0].json
        #expect(kpi.member("title") == .string("Won lately"))
        #expect(kpi.member("value") == Self.money(wonNow))
        #expect(kpi.member("previous") == Self.money(wonBefore))
        #expect(kpi.member("window")?.member("from") == .string("2026-11-02"))
        #expect(kpi.member("window")?.member("to") == .string("2026-11-29"))
        #expect(kpi.member("previous_window")?.member("from") == .string("2026-10-05"))
        #expect(kpi.member("previous_window")?.member("to") == .string("2026-11-01"))
        let change = Double(wonNow - wonBefore) / Double(wonBefore)
        guard case .double(let reported)? = kpi.member("change") else {
            Issue.record("no change in \(JSONWriter.write(kpi))")
            return
        }
        #expect(abs(reported - change) < 1e-12)

        // Without the week under way: the four whole weeks 2026-10-26 … 2026-11-22, and the four before.
        let whole = try await runtime.dashboard("whole_weeks", now: DashboardApp.now).tiles[0].json
        #expect(whole.member("window")?.member("from") == .string("2026-10-26"))
        #expect(whole.member("window")?.member("to") == .string("2026-11-22"))
        #expect(whole.member("value") == Self.money(won(from: "2026-10-26", to: "2026-11-22")))
        #expect(whole.member("previous_window")?.member("from") == .string("2026-09-28"))
        #expect(whole.member("previous") == Self.money(won(from: "2026-09-28", to: "2026-10-25")))

        #expect(result.tiles[1].json.member("value") == .int(60))
        #expect(result.tiles[1].title == "count")

        let scores = deals.compactMap(\.score)
        guard case .double(let average)? = result.tiles[2].json.member("value") else {
            Issue.record("no average in \(JSONWriter.write(result.tiles[2].json))")
            return
        }
        #expect(abs(average - scores.reduce(0, +) / Double(scores.count)) < 1e-9)

        let amounts = Double(deals.reduce(Int64(0)) { $0 + ($1.minor ?? 0) }) / 100
        let units = Double(deals.reduce(Int64(0)) { $0 + $1.units })
        guard case .double(let ratio)? = result.tiles[3].json.member("value") else {
            Issue.record("no ratio in \(JSONWriter.write(result.tiles[3].json))")
            return
        }
        #expect(abs(ratio - amounts / units) < 1e-9)
    }

    @Test(arguments: DashboardApp.backends)
    func chartsMatchGroupsWorkedOutByHand(backend: String) async throws {
        try await DashboardApp.withStore(backend) { runtime in try await Self.chartsMatchGroupsWorkedOutByHandOn(runtime) }
    }

    static func chartsMatchGroupsWorkedOutByHandOn(_ runtime: AppRuntime) async throws {
        let result = try await runtime.dashboard("sales", now: DashboardApp.now)
        let deals = DashboardApp.deals

        guard case .chart(let line) = result.tiles[4].content else {
            Issue.record("tile 5 is not a chart")
            return
        }
        let weeks = ["2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]
        #expect(line.categories == weeks)
        #expect(line.byPeriod)
        #expect(line.series.map(\.name) == ["east", "west", nil])
        for series in line.series {
            let expected = weeks.map { week in
                Self.money(
                    deals.filter { $0.region == series.name && DashboardApp.shanghaiWeek($0.closedAt) == week }.reduce(0) { $0 + ($1.minor ?? 0) })
            }
            #expect(series.values.map(\.value) == expected, "series \(series.name ?? "(empty)")")
        }
        #expect(result.tiles[4].window?.from == "2026-10-19")
        #expect(result.tiles[4].window?.to == "2026-11-29")

        guard case .chart(let bar) = result.tiles[5].content else {
            Issue.record("tile 6 is not a chart")
            return
        }
        #expect(bar.categories == ["lead", "proposal", "won", "lost"])
        #expect(bar.series.count == 1)
        let counts = ["lead", "proposal", "won", "lost"].map { stage in Value.int(Int64(deals.filter { $0.stage == stage }.count)) }
        #expect(bar.series.first?.values.map(\.value) == counts)

        guard case .records(let table) = result.tiles[6].content else {
            Issue.record("tile 7 is not a table")
            return
        }
        let east = deals.filter { $0.region == "east" && $0.minor != nil }.sorted { ($0.minor ?? 0) > ($1.minor ?? 0) }.prefix(3)
        #expect(table.columns == ["name", "amount"])
        #expect(table.rows.map(\.texts) == east.map { [$0.name, MoneyText.format($0.minor ?? 0, scale: 2)] })
        #expect(table.rows.first?.object.member("amount") == east.first.map { Self.money($0.minor ?? 0) })
    }

    @Test func anEmptyStoreGivesZerosAndGaps() async throws {
        let runtime = AppRuntime(definition: try DashboardApp.definition(app: "dashboards"), storage: MemoryStorage())
        try await runtime.prepare()
        let result = try await runtime.dashboard("sales", now: DashboardApp.now)
        #expect(result.tiles[0].json.member("value") == .string("0.00"))
        #expect(result.tiles[0].json.member("change") == .null)
        #expect(result.tiles[1].json.member("value") == .int(0))
        #expect(result.tiles[2].json.member("value") == .null)
        #expect(result.tiles[3].json.member("value") == .null)
        guard case .chart(let line) = result.tiles[4].content, case .chart(let bar) = result.tiles[5].content else {
            Issue.record("tiles 5 and 6 are not charts")
            return
        }
        #expect(line.categories.count == 6)
        #expect(line.series.isEmpty)
        #expect(bar.categories.isEmpty)
        #expect(bar.series.count == 1)
    }

    @Test func aFilterTheStoreCannotEvaluateIsRefusedNamingTheTile() async throws {
        let runtime = AppRuntime(definition: try DashboardApp.definition(app: "dashboards"), storage: MemoryStorage())
        try await runtime.prepare()
        let error = await #expect(throws: RuntimeError.self) { _ = try await runtime.dashboard("untranslatable") }
        #expect(error?.kind == .badRequest)
        #expect(
            error?.message
                == "dashboard 'untranslatable', tile 1: its 'filter' must compare fields with values (==, !=, <, <=, >, >=, in, startsWith, "
                + "contains, joined by &&, || and !) so the store can compute the tile itself; this one needs more")
    }

    @Test func anUnknownDashboardIsNotFoundWithASuggestion() async throws {
        let runtime = AppRuntime(definition: try DashboardApp.definition(app: "dashboards"), storage: MemoryStorage())
        let error = await #expect(throws: RuntimeError.self) { _ = try await runtime.dashboard("sale") }
        #expect(error?.kind == .notFound)
        #expect(error?.message == "app 'dashboards' has no dashboard 'sale'; did you mean 'sales'?")
    }
}
