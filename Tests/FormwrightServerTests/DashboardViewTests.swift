import FormwrightCore
import FormwrightRuntime
import Foundation
import Testing

@testable import FormwrightServer

/// A dashboard's page values at a fixed moment: a figure compared with the window before, in English and Chinese.
@Suite struct DashboardViewTests {
    /// Wednesday 2026-11-25, noon UTC.
    static let now = Timestamp(seconds: 1_795_608_000)

    @Test func aComparedFigureShowsTheChangeAndThePreviousWindow() async throws {
        let (_, runtime) = try await DashboardServerTests.harness()
        let result = try await runtime.dashboard("trend", now: Self.now)
        // October and November hold 5 + 1 units; August and September the 2 of 2026-09-30.
        let english = DashboardView(result: result, app: runtime.definition, locales: [], words: PageWords(language: "en")).values()
        let tile = try #require((english["tiles"] as? [[String: Any]])?.first)
        #expect(tile["windowLine"] as? String == "last 2 months: 2026-10-01 – 2026-11-30")
        let figure = try #require(tile["figure"] as? [String: Any])
        #expect(figure["value"] as? String == "6")
        #expect(figure["comparison"] as? String == "+200 % · previous: 2 (2026-08-01 – 2026-09-30)")
        #expect(figure["trend"] as? String == "up")

        let html = try #require(try PageRenderer().library.render(english, withTemplate: "dashboard"))
        #expect(html.contains(#"<p class="help up">+200 % · previous: 2 (2026-08-01 – 2026-09-30)</p>"#), "\(html)")

        let chinese = DashboardView(result: result, app: runtime.definition, locales: ["zh"], words: PageWords(language: "zh")).values()
        let chineseTile = try #require((chinese["tiles"] as? [[String: Any]])?.first)
        #expect(chineseTile["windowLine"] as? String == "最近 2 个月：2026-10-01 – 2026-11-30")
        #expect((chineseTile["figure"] as? [String: Any])?["comparison"] as? String == "+200 % · 上一期: 2 (2026-08-01 – 2026-09-30)")
    }
}
