import FormwrightCore
import FormwrightRuntime
import Hummingbird

extension HTMLRoutes {
    /// `GET /apps/{app}/dashboards/{name}`: the dashboard computed now, its charts as inline SVG.
    func dashboardPage(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, locales, chrome) = try appPage(request, context)
        guard context.identity.isSignedIn else { return signInPage(chrome) }
        let name = try context.parameters.require("name")
        let result = try await runtimeErrors {
            try await runtime.dashboard(name, locales: locales, user: context.identity.expressionValue)
        }
        let view = DashboardView(result: result, app: runtime.definition, locales: locales, words: PageWords(language: chrome.language))
        return renderer.page("dashboard", view.values(), title: result.title, chrome: chrome)
    }
}
