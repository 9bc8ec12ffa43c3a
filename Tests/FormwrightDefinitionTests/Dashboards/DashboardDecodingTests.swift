import FormwrightCore
import FormwrightDefinition
import Foundation
import Testing

/// The dashboards section read into the model: the reference's example, defaults and the short forms.
@Suite struct DashboardDecodingTests {
    static func referenceExample() throws -> String {
        let examples = try DocumentationExampleTests.examples(in: "dashboards.md")
        return try #require(examples.first { $0.hasPrefix("formwright: 1") })
    }

    @Test func theReferenceExampleChecksClean() throws {
        let loaded = DefinitionLoader().load(bytes: Array(try Self.referenceExample().utf8), path: "app.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map { "\($0.range.start) \($0.message)" })")
        let app = try #require(loaded.definition)
        let dashboard = try #require(app.dashboard(named: "pipeline"))
        #expect(dashboard.title?.resolve(for: ["zh"]) == "销售管道")
        #expect(dashboard.tiles.map(\.kind.value) == [.kpi, .kpi, .line, .bar, .table])

        let won = dashboard.tiles[0]
        #expect(won.measure?.text == "sum(amount)")
        #expect(won.window?.date.value == "expected_close")
        #expect(won.window?.period == .week)
        #expect(won.window?.count.value == 4)
        #expect(won.window?.includesCurrent == false)
        #expect(won.comparesWithPrevious)
        #expect(won.filter?.text == "stage == 'won'")

        #expect(dashboard.tiles[1].measure?.text == "ratio(accepted, offered)")
        #expect(dashboard.tiles[1].window == nil)

        let line = dashboard.tiles[2]
        #expect(line.groupBy?.text == "week(expected_close)")
        #expect(line.split?.value == "region")
        #expect(line.window?.date.value == "expected_close")
        #expect(line.window?.period == .week)
        #expect(line.window?.count.value == 12)
        #expect(line.window?.includesCurrent == true)

        let table = dashboard.tiles[4]
        #expect(table.columns.map(\.value) == ["name", "region", "stage", "amount"])
        #expect(table.sort?.value == "-amount")
        #expect(table.limit == 10)
        #expect(table.measure == nil)

        let filters = try #require(app.expressions.dashboards["pipeline"]?.filters)
        #expect(filters.map { $0 != nil } == [true, false, false, true, true])
    }

    @Test func shortFormsAndDefaults() throws {
        let yaml = DashboardFixture.header + """
            dashboards:
              overview:
                tiles:
                  - { kind: kpi, table: opportunities, measure: amount }
                  - { kind: kpi, table: opportunities, measure: " avg( score ) " }
                  - { kind: bar, table: opportunities, measure: count, by: " month( expected_close ) " }
                  - { kind: table, table: opportunities }
            """
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map { "\($0.range.start) \($0.message)" })")
        let tiles = try #require(loaded.definition?.dashboard(named: "overview")?.tiles)
        #expect(tiles[0].measure?.text == "sum(amount)")
        #expect(tiles[1].measure?.text == "avg(score)")
        #expect(tiles[2].groupBy?.text == "month(expected_close)")
        #expect(tiles[2].window == nil)
        #expect(tiles[3].limit == DashboardTile.defaultLimit)
        #expect(tiles[3].columns.isEmpty)
        #expect(tiles[3].sort == nil)
        #expect(loaded.definition?.dashboard(named: "overview")?.title == nil)
    }

    @Test func aDashboardIsNoLongerReportedAsNotEnforced() {
        let (loaded, _) = DashboardFixture.load("dashboards:\n  d:\n    tiles: [{ kind: kpi, table: opportunities, measure: count }]")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        #expect(loaded.definition?.dashboards.count == 1)
    }
}
