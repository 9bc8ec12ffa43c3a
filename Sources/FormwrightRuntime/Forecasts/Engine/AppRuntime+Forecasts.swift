public import FormwrightCore
import FormwrightDefinition
import FormwrightStorage

extension AppRuntime {
    /// Runs a forecast on the store's current data.
    ///
    /// The history runs from the first period with target data to the last one that has ended by
    /// `now` (so a period still under way never counts as a low actual); the forecast covers the
    /// `horizon` periods after it. Each run reports the weights and the definition revision it used.
    ///
    /// - Parameters:
    ///   - name: the forecast's name in the app.
    ///   - scenario: one scenario to run; nil runs all of the forecast's scenarios. Each is reported
    ///     as its changes against the official forecast, which it never alters.
    ///   - now: the time of the run.
    /// - Throws: `RuntimeError(.notFound)` for an unknown forecast or scenario, `.badRequest` when
    ///   the data cannot give a forecast (none yet, a value that is not a finite number), and the store's errors.
    public func forecast(_ name: String, scenario: String? = nil, now: Timestamp = .now) async throws -> ForecastReport {
        let (forecast, engine, reader) = try forecastParts(name, now: now)
        let scenarios = try chosenScenarios(forecast, scenario)
        let data = try await mapStorageErrors { try await storage.read(app: self.name) { try reader.read($0) } }
        return try forecastErrors(forecast) { try engine.report(data, scenarios: scenarios, revision: definition.revision, now: now) }
    }

    /// The forecast, its engine and its reader, or why there are none.
    func forecastParts(_ name: String, now: Timestamp) throws -> (ForecastDefinition, ForecastEngine, ForecastReader) {
        guard let forecast = definition.forecast(named: name) else {
            let hint = NameSuggester.hint(for: name, among: definition.forecasts.map(\.name.value))
            throw RuntimeError(.notFound, "app '\(self.name)' has no forecast '\(name)'\(hint)")
        }
        let reader = try ForecastReader(app: definition, forecast: forecast, context: EvaluationContext(now: now))
        return (forecast, ForecastEngine(app: definition, forecast: forecast, timeline: reader.timeline), reader)
    }

    private func chosenScenarios(_ forecast: ForecastDefinition, _ name: String?) throws -> [ForecastScenario] {
        guard let name else { return forecast.scenarios }
        guard let scenario = forecast.scenario(named: name) else {
            let names = forecast.scenarios.map(\.name.value)
            let hint = names.isEmpty ? "; it has none" : NameSuggester.hint(for: name, among: names)
            throw RuntimeError(.notFound, "forecast '\(forecast.name.value)' has no scenario '\(name)'\(hint)")
        }
        return [scenario]
    }

    /// Runs `body`, turning the numeric core's errors into a bad request that names the forecast.
    func forecastErrors<T>(_ forecast: ForecastDefinition, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ForecastError {
            throw RuntimeError(.badRequest, "forecast '\(forecast.name.value)': \(error.message)")
        }
    }
}
