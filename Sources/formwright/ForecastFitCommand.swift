import ArgumentParser
import FormwrightRuntime

/// `formwright forecast fit PATH NAME [--store URL]`: suggest a forecast's driver weights.
struct ForecastFitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Suggest driver weights for a forecast from the store's data; nothing is changed.",
        discussion: """
            Fits the weights that best explain the history, pulled toward the weights in the YAML and kept \
            within each driver's bounds and sign (docs/forecast-fit.md states the method), then prints the \
            change to the forecast's 'drivers:' and the error of the model's backtest over all groups with \
            the current and with the suggested weights. The app file is not changed: copy the lines you want. \
            A forecast without drivers has no weights to fit and is an error (exit 1).
            """
    )

    @OptionGroup var forecast: ForecastArguments

    func run() async throws {
        let definition = try CommandSupport.loadOneApp(forecast.path, named: forecast.app)
        let known = definition.forecast(named: forecast.name)
        let withoutWeights = known.map { $0.drivers.isEmpty || $0.baseline.pipeline != nil } ?? true
        try await CommandSupport.refuseWithoutStore(of: definition, if: withoutWeights) { runtime in
            _ = try await runtime.suggestWeights(forecast: forecast.name)
        }
        let suggestion = try await CommandSupport.withRuntime(of: definition, store: forecast.store) { runtime in
            try await runtime.suggestWeights(forecast: forecast.name)
        }
        Terminal.print(WeightSuggestionPrinter.text(suggestion, forecast: forecast.name, app: definition.name.value), terminator: "")
    }
}
