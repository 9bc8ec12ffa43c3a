import ArgumentParser
import FormwrightCore
import FormwrightDefinition

/// `formwright check PATH [--format text|json]`: load and check apps, print every finding.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an app folder, a workspace of apps, or one app file.",
        discussion: "Exits 0 when no errors were found (warnings allowed), 1 when errors were found, 2 when the path cannot be read."
    )

    /// How findings are printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "An app folder (holding app.yaml), a folder of app folders, or one YAML file.")
    var path: String

    @Option(help: "Output format: text for people, json for tools.")
    var format: Format = .text

    func run() throws {
        let apps = try CommandSupport.load(path)
        let diagnostics = apps.flatMap(\.diagnostics)
        let renderer = DiagnosticRenderer(sources: apps.flatMap(\.sources))
        switch format {
        case .json: Terminal.print(renderer.json(diagnostics), terminator: "")
        case .text: Terminal.print(renderer.text(diagnostics), terminator: "")
        }
        if apps.contains(where: \.hasErrors) { throw ExitCode(1) }
    }
}
