import FormwrightCore
import FormwrightRuntime
import Hummingbird

extension APIRoutes {
    /// `GET /api/v1/apps/{app}/dashboards/{name}`: the dashboard computed now, as JSON.
    func dashboard(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        try requireSignedIn(context)
        let runtime = try app(context)
        let name = try context.parameters.require("name")
        let result = try await runtimeErrors {
            try await runtime.dashboard(name, locales: AcceptLanguage.preferences(request), user: context.identity.expressionValue)
        }
        return .json(JSONWriter.write(result.json))
    }
}
