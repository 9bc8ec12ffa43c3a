import FormwrightCore
import FormwrightDefinition

extension OpenAPIDocument {
    /// A forecast's path: one run on the store's current data.
    func forecastPath(_ forecast: ForecastDefinition) -> (String, Value) {
        let name = forecast.name.value
        let scenarios = forecast.scenarios.map(\.name.value)
        var parameters: [Value] = []
        if !scenarios.isEmpty {
            parameters.append(
                OpenAPIOperation.query(
                    "scenario", JSONSchema.object([("type", .string("string")), ("enum", JSONSchema.strings(scenarios))]),
                    "Run this scenario alone; every scenario when not given or empty."))
        }
        let run = OpenAPIOperation(
            operationID: "runForecast\(names.forecast(name))", summary: "Run the forecast '\(name)'",
            description: "Series, backtest metrics and credibility, with the app revision and weights the run used.", tag: "forecasts",
            parameters: parameters,
            responses: [("200", OpenAPIOperation.json(JSONSchema.reference("ForecastReport"), "The forecast."))],
            errors: OpenAPIErrorStatus.reading)
        return ("/forecasts/\(name)", JSONSchema.object([("get", run.json)]))
    }
}
