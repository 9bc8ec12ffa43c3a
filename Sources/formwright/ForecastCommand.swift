import ArgumentParser

/// `formwright forecast PATH NAME [--scenario S] [--format table|json|csv]` runs a forecast;
/// `formwright forecast fit PATH NAME` suggests its driver weights.
struct ForecastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Run a forecast on the store's data, or suggest its driver weights.",
        usage: """
            formwright forecast <path> <name> [--scenario <scenario>] [<options>]
            formwright forecast fit <path> <name> [<options>]
            """,
        discussion: """
            'formwright forecast PATH NAME' is short for 'formwright forecast run PATH NAME': it runs the \
            forecast and prints its report as a table, or with --format json or csv. 'formwright forecast fit' \
            suggests the forecast's driver weights. Both take --store URL (default \
            sqlite:.formwright/data.sqlite) and, when PATH holds several apps, --app NAME. They bring the \
            app's tables up to date (safe steps only) and load its seed data into a new store, as 'migrate' \
            does, then only read.
            """,
        subcommands: [ForecastRunCommand.self, ForecastFitCommand.self],
        defaultSubcommand: ForecastRunCommand.self
    )
}
