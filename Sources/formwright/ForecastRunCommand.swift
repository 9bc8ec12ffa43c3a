import ArgumentParser
import FormwrightCore
import FormwrightRuntime

/// `formwright forecast [run] PATH NAME [--scenario S] [--format table|json|csv] [--store URL]`: run a forecast.
struct ForecastRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a forecast on the store's data and print its report.",
        discussion: """
            Prints the forecast of each group for the periods ahead with its band, baseline and plan, the \
            backtest of the model against the plain baselines and the plan, each group's credibility colour, \
            and each scenario as its change against the forecast. --format json prints the report as JSON, in \
            the form the API returns it; --format csv prints one row per group and period (history and \
            forecast) with a column per scenario. An unknown forecast or scenario, or a forecast the data \
            cannot support, is an error on standard error and exit 1, with nothing printed on standard output.
            """
    )

    @OptionGroup var forecast: ForecastArguments

    @Option(help: "Run only this scenario (by default every scenario of the forecast is run).")
    var scenario: String?

    @Option(help: "How to print the report: table (aligned text), json or csv.")
    var format: ForecastFormat = .table

    func run() async throws {
        let definition = try CommandSupport.loadOneApp(forecast.path, named: forecast.app)
        let known = definition.forecast(named: forecast.name)
        let unknownScenario = scenario.map { name in known?.scenario(named: name) == nil } ?? false
        try await CommandSupport.refuseWithoutStore(of: definition, if: known == nil || unknownScenario) { runtime in
            _ = try await runtime.forecast(forecast.name, scenario: scenario)
        }
        let report = try await CommandSupport.withRuntime(of: definition, store: forecast.store) { runtime in
            try await runtime.forecast(forecast.name, scenario: scenario)
        }
        switch format {
        case .table: Terminal.print(ForecastTablePrinter.text(report, app: definition.name.value), terminator: "")
        case .json: Terminal.print(JSONWriter.write(report.json))
        case .csv: Terminal.print(ForecastCSVPrinter.text(report), terminator: "")
        }
    }
}
