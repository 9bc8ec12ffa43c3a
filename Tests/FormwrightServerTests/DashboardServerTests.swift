import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightServer
import FormwrightStorage
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `GET /api/v1/apps/{app}/dashboards/{name}` and the page `/apps/{app}/dashboards/{name}`, over
/// deals whose text is hostile HTML.
@Suite struct DashboardServerTests {
    static let yaml = """
        formwright: 1
        app: board
        tables:
          deals:
            fields:
              name:      { type: text, required: true }
              region:    { type: text }
              amount:    { type: money }
              units:     { type: integer }
              closed_on: { type: date }
        dashboards:
          overview:
            title: Overview <b>
            tiles:
              - { kind: kpi, title: Deals, table: deals, measure: count }
              - { kind: bar, table: deals, measure: sum(amount), by: region }
              - { kind: line, table: deals, measure: sum(units), by: month(closed_on), split: region }
              - { kind: table, table: deals, columns: [name, region, amount], sort: name }
          trend:
            tiles:
              - { kind: kpi, table: deals, measure: sum(units), date: closed_on, period: month, last: 2, compare: previous }
          strict:
            tiles:
              - { kind: kpi, table: deals, measure: count, filter: "amount > 0.001" }
        """

    static let api = "/api/v1/apps/board/dashboards/overview"
    static let page = "/apps/board/dashboards/overview"
    static let hostile = "<script>alert(1)</script>"

    static func harness() async throws -> (FormwrightHTTPServer, AppRuntime) {
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        let definition = try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
        let runtime = AppRuntime(definition: definition, storage: MemoryStorage())
        try await runtime.prepare()
        let deals: [[String: Value]] = [
            ["name": .string(hostile), "region": .string("<b>\"east\" & 'co'</b>"), "amount": .string("10.50"), "units": .int(2), "closed_on": .string("2026-09-30")],
            ["name": .string("Bo"), "region": .string("west"), "amount": .string("-4.25"), "units": .int(5), "closed_on": .string("2026-11-02")],
            ["name": .string("Cy"), "units": .int(1), "closed_on": .string("2026-11-20")],
        ]
        for deal in deals { _ = try await runtime.create(table: "deals", input: SubmissionInput(values: deal, format: .json)) }
        let server = try FormwrightHTTPServer(apps: AppRegistry([runtime]), configuration: ServerConfiguration(adminToken: ServerHarness.token))
        return (server, runtime)
    }

    static func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let (server, _) = try await harness()
        try await Application(responder: server.responder()).test(.router, body)
    }

    @Test func theAPIAnswersEveryTileAsJSON() async throws {
        try await Self.test { client in
            try await client.execute(uri: Self.api, method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let text = response.text
                #expect(text.hasPrefix(#"{"name":"overview","title":"Overview <b>","description":null,"time_zone":"UTC","computed_at":""#), "\(text)")
                let tiles = String(text[(text.range(of: #""tiles":"#)?.lowerBound ?? text.endIndex)...])
                    .replacingOccurrences(of: #""id":"[A-Za-z0-9_-]+""#, with: Self.idPlaceholder, options: .regularExpression)
                #expect(
                    tiles == """
                        "tiles":[\
                        {"kind":"kpi","title":"Deals","table":"deals","measure":"count","window":null,"value":3},\
                        {"kind":"bar","title":"sum(amount) by region","table":"deals","measure":"sum(amount)","window":null,"by":"region","split":null,\
                        "categories":["<b>\\"east\\" & 'co'</b>","west",null],"series":[{"name":null,"values":["10.50","-4.25","0.00"]}],\
                        "omitted_categories":0,"omitted_series":0},\
                        {"kind":"line","title":"sum(units) by month(closed_on) and region","table":"deals","measure":"sum(units)","window":null,\
                        "by":"month(closed_on)","split":"region","categories":["2026-09-01","2026-10-01","2026-11-01"],\
                        "series":[{"name":"<b>\\"east\\" & 'co'</b>","values":[2,0,0]},{"name":"west","values":[0,0,5]},{"name":null,"values":[0,0,1]}],\
                        "omitted_categories":0,"omitted_series":0},\
                        {"kind":"table","title":"deals","table":"deals","window":null,"columns":["name","region","amount"],"records":[\
                        {\(Self.idPlaceholder),"name":"<script>alert(1)</script>","region":"<b>\\"east\\" & 'co'</b>","amount":"10.50"},\
                        {\(Self.idPlaceholder),"name":"Bo","region":"west","amount":"-4.25"},\
                        {\(Self.idPlaceholder),"name":"Cy","region":null,"amount":null}]}]}
                        """, "\(tiles)")
            }
        }
    }

    /// Record ids are random: the comparison replaces each with this.
    static let idPlaceholder = #""id":"ID""#

    @Test func unknownDashboardsAndAppsAreNotFound() async throws {
        try await Self.test { client in
            try await client.execute(uri: "/api/v1/apps/board/dashboards/overveiw", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .notFound)
                #expect(
                    response.text == #"{"error":{"message":"app 'board' has no dashboard 'overveiw'; did you mean 'overview'?","id":"not_found"}}"#)
            }
            try await client.execute(uri: "/api/v1/apps/nope/dashboards/overview", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .notFound)
                #expect(response.text == #"{"error":{"message":"no app 'nope'","id":"not_found"}}"#)
            }
            try await client.execute(uri: Self.api, method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.text.contains(#""id":"unauthorized""#))
            }
            try await client.execute(uri: "/api/v1/apps/board/dashboards/strict", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("dashboard 'strict', tile 1: its 'filter' must compare fields with values"), "\(response.text)")
            }
        }
    }

    @Test func thePageDrawsOneSVGPerChartAndEscapesEveryText() async throws {
        try await Self.test { client in
            try await client.execute(uri: Self.page, method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let page = response.text
                #expect(page.components(separatedBy: "<svg ").count - 1 == 2)
                #expect(page.components(separatedBy: "viewBox=\"0 0 640.0 300.0\" width=\"100%\"").count - 1 == 2)
                #expect(!page.contains("<script"), "a value was not escaped")
                #expect(!page.contains("<b>"))
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(page.contains("Overview &lt;b&gt;"))
                #expect(page.contains("<p class=\"figure\">3</p>"))
                // The bar chart: two bars (10.50 and -4.25; the empty region sums to 0, a bar of no height) around the zero line.
                #expect(page.components(separatedBy: "<rect ").count - 1 == 3)
                // The line chart: three series, a legend naming each, the empty one as "(empty)".
                #expect(page.components(separatedBy: "<path class=\"line ").count - 1 == 3)
                #expect(page.contains("<p class=\"legend\">"))
                #expect(page.contains("(empty)"))
                #expect(page.contains("<div class=\"scroll\"><table>"))
                #expect(!page.contains("NaN") && !page.contains("inf"))
            }
            try await client.execute(uri: "/apps/board/", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.text.contains("<a href=\"/apps/board/dashboards/overview\">Overview &lt;b&gt;</a>"), "\(response.text)")
            }
            try await client.execute(uri: "/apps/board/dashboards/nope", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: Self.page, method: .get) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}
