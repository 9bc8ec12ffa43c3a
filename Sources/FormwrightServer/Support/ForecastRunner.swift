import FormwrightRuntime
import Hummingbird
import Logging

/// Runs a forecast for a request, the API's and the page's alike, and logs at info what the run
/// used: the forecast, the app's revision, the scenario and the weights. With the report's own
/// `revision` and `weights`, the log line is the record of each run.
enum ForecastRunner {
    /// The scenario named by `?scenario=`; none (every scenario) when absent or empty.
    static func scenario(in request: Request) -> String? {
        guard let name = request.query["scenario"], !name.isEmpty else { return nil }
        return name
    }

    /// Runs forecast `name` of the app; runtime errors become HTTP errors as on every route.
    static func run(_ runtime: AppRuntime, forecast name: String, scenario: String?, logger: Logger) async throws -> ForecastReport {
        let report = try await runtimeErrors { try await runtime.forecast(name, scenario: scenario) }
        logger.info(
            "forecast run",
            metadata: [
                "app": "\(runtime.name)", "forecast": "\(report.name)", "revision": "\(report.revision)",
                "scenario": "\(scenario ?? "all")", "weights": "\(weightsText(report.weights))",
            ])
        return report
    }

    /// `subsidy=0.1 competitor=0.15 (effective 0.15)`: the effective weight shown only where bounds or sign changed it.
    static func weightsText(_ weights: [ForecastWeight]) -> String {
        guard !weights.isEmpty else { return "none" }
        return weights.map { weight in
            let text = "\(weight.driver)=\(ForecastPageView.number(weight.weight))"
            return weight.effective == weight.weight ? text : text + " (effective \(ForecastPageView.number(weight.effective)))"
        }.joined(separator: " ")
    }
}
