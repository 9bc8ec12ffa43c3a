import ArgumentParser

/// The `formwright` command: the root of the subcommand tree.
struct FormwrightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formwright",
        abstract: "Run business apps written as YAML.",
        subcommands: [EvalCommand.self]
    )
}
