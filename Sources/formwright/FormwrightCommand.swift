import ArgumentParser

/// The `formwright` command: a thin tree of subcommands over the library.
@main
struct FormwrightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formwright",
        abstract: "Check and run business apps described in YAML.",
        subcommands: [
            CheckCommand.self, ServeCommand.self, EvalCommand.self, NewCommand.self, PlanCommand.self, MigrateCommand.self, ImportCommand.self,
            ExportCommand.self, ForecastCommand.self,
        ]
    )
}
