import FormwrightRuntime
import Hummingbird

extension HTMLRoutes {
    /// `/apps/{app}/forecasts/{name}?scenario=`: the forecast run now, with a chart per group, the
    /// credibility board, the backtests beside the plain baselines and the plan, and the scenarios.
    func forecastPage(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, _, chrome) = try appPage(request, context)
        guard context.identity.isSignedIn else { return signInPage(chrome) }
        let name = try context.parameters.require("name")
        let scenario = ForecastRunner.scenario(in: request)
        let report = try await ForecastRunner.run(runtime, forecast: name, scenario: scenario, logger: context.logger)
        let view = ForecastPageView(
            report: report, scenarioNames: runtime.definition.forecast(named: report.name)?.scenarios.map(\.name.value) ?? [],
            scenario: scenario, url: "/apps/\(FormEncoding.escape(runtime.name))/forecasts/\(FormEncoding.escape(report.name))",
            words: PageWords(language: chrome.language))
        return renderer.page("forecast", view.values(), title: report.title, chrome: chrome)
    }
}
