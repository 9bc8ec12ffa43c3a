import FormwrightCore
import FormwrightRuntime
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// `/apps/{app}/forecasts/{name}`: the forecast as a page, with a chart per group, the credibility
/// board, the dual track and the scenarios.
@Suite struct ForecastPageTests {
    static var signedIn: HTTPFields { [.authorization: "Bearer \(ForecastWorkspace.token)"] }

    /// Text as the page templates escape it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    /// The inline SVG elements of a page.
    static func charts(in page: String) -> [String] {
        page.components(separatedBy: "<svg ").dropFirst().map { $0.components(separatedBy: "</svg>").first ?? "" }
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func showsAChartPerGroupTheBoardAndTheScenarios() async throws {
        let workspace = try await ForecastWorkspace()
        let own = try await workspace.runtime.forecast(ForecastWorkspace.forecast)
        try await workspace.test { client in
            let page = try await client.execute(uri: ForecastWorkspace.page, method: .get, headers: Self.signedIn) { response in
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                return response.text
            }
            #expect(page.contains("<meta name=\"viewport\""))
            #expect(page.contains("<h1>Weekly sales</h1>"))
            #expect(page.contains(own.credibility.definition.isEmpty ? "?" : Self.escaped(own.credibility.definition)))
            #expect(Self.count("<svg ", in: page) == own.groups.count)
            #expect(own.groups.count == 2)
            #expect(page.contains("viewBox=\"0 0 640 260\""))
            #expect(!page.contains("<script"), "the page works without script")
            for group in own.groups {
                let word = group.credibility.colour.rawValue
                #expect(page.contains("<span class=\"badge c-\(word)\"></span>\(word)"), "\(group.label)")
                #expect(page.contains("<h2>\(group.label)</h2>"))
            }
            #expect(page.contains("<h3>east_promo_up</h3>"))
            #expect(page.contains("<td>promo</td><td class=\"num\">0.1</td>"))
            #expect(page.contains(own.revision))
            #expect(page.contains("takes effect on the next page load, with no restart"))
            let tracks = own.groups.first?.tracks.map(\.name) ?? []
            #expect(tracks.count >= 2)
            for track in tracks { #expect(page.contains(">\(track)</"), "\(track)") }
            #expect(Self.count("class=\"scroll\"", in: page) >= 2 + own.groups.count)
            #expect(!page.contains("d=\"\"") && !page.contains("points=\"\""), "no empty line is drawn")
            #expect(!page.contains("class=\"plan\""), "the forecast has no plan")
            for chart in Self.charts(in: page) {
                #expect(!chart.lowercased().contains("nan") && !chart.lowercased().contains("inf"), "\(chart)")
                #expect(chart.contains("class=\"forecast\" d=\"M "))
                #expect(chart.contains("class=\"actual\" d=\"M "))
            }
        }
    }

    @Test func linksTheScenariosAndRunsOneAlone() async throws {
        let workspace = try await ForecastWorkspace()
        try await workspace.test { client in
            let page = try await client.execute(uri: ForecastWorkspace.page + "?scenario=east_promo_up", method: .get, headers: Self.signedIn) {
                #expect($0.status == .ok)
                return $0.text
            }
            #expect(page.contains("<strong class=\"pill\">east_promo_up</strong>"))
            #expect(page.contains("<a class=\"pill\" href=\"\(ForecastWorkspace.page)\">All scenarios</a>"))
            try await client.execute(uri: ForecastWorkspace.page + "?scenario=nope", method: .get, headers: Self.signedIn) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("nope"))
            }
        }
    }

    @Test func theAppHomeListsItsForecastsForASignedInSession() async throws {
        let workspace = try await ForecastWorkspace()
        try await workspace.test { client in
            let code = workspace.server.access.makeLoginCode()
            let cookie = try await client.execute(uri: "/login?token=\(code)", method: .get) { response in
                #expect(response.status == .seeOther)
                return String(try #require(response.headers[.setCookie]).prefix { $0 != ";" })
            }
            try await client.execute(uri: "/apps/shop-forecast", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h2>Forecasts</h2>"))
                #expect(response.text.contains("<a href=\"\(ForecastWorkspace.page)\">Weekly sales</a>"))
            }
            try await client.execute(uri: ForecastWorkspace.page, method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>Weekly sales</h1>"))
            }
        }
    }

    @Test func needsASignInAndNamesAnUnknownForecast() async throws {
        let workspace = try await ForecastWorkspace()
        try await workspace.test { client in
            try await client.execute(uri: ForecastWorkspace.page, method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("login link"))
                #expect(!response.text.contains("<svg"))
            }
            try await client.execute(uri: "/apps/shop-forecast/forecasts/weekly_sale", method: .get, headers: Self.signedIn) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("weekly_sale"))
            }
        }
    }

    @Test func escapesAGroupValueFromARecord() async throws {
        let workspace = try await ForecastWorkspace()
        let runtime = try workspace.runtime
        let hostile = "<script>alert('x')</script>"
        for offset in -8 ... -1 {
            _ = try await runtime.create(
                table: "sales",
                input: SubmissionInput(
                    values: ["region": .string(hostile), "sold_on": .string(ForecastWorkspace.monday(offset, plusDays: 1)), "amount": .double(50)],
                    format: .json))
        }
        let own = try await runtime.forecast(ForecastWorkspace.forecast)
        #expect(own.groups.contains { $0.label == hostile })
        try await workspace.test { client in
            let page = try await client.execute(uri: ForecastWorkspace.page, method: .get, headers: Self.signedIn) {
                #expect($0.status == .ok, "\($0.text)")
                return $0.text
            }
            #expect(!page.contains(hostile))
            #expect(!page.contains("<script"))
            #expect(page.contains("<h2>\(Self.escaped(hostile))</h2>"))
            #expect(Self.count("<svg ", in: page) == own.groups.count)
        }
    }
}
