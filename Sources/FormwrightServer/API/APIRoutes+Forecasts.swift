import FormwrightCore
import FormwrightRuntime
import Hummingbird

extension APIRoutes {
    /// `GET …/forecasts/{name}?scenario=`: a run of the forecast on the store's current data, as
    /// `ForecastReport.json`; every scenario unless one is named. 404 for an unknown forecast or scenario.
    func forecast(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        try requireSignedIn(context)
        let runtime = try app(context)
        let name = try context.parameters.require("name")
        let report = try await ForecastRunner.run(runtime, forecast: name, scenario: ForecastRunner.scenario(in: request), logger: context.logger)
        return .json(JSONWriter.write(report.json))
    }
}
