import ArgumentParser
import FormwrightCore
import FormwrightDefinition
import Foundation

/// `formwright new TEMPLATE DEST [--set K=V]…`: create an app that extends a template.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an app from a template: DEST/app.yaml extends TEMPLATE with its parameters' values.",
        discussion: """
            The new app is named after DEST's folder. Each --set gives a parameter's value, read by the parameter's \
            type (a list as comma-separated text); parameters not set take their defaults. Exits 0 when the app was \
            written, 1 when it was not (nothing is written then).
            """
    )

    @Argument(help: "The template's folder (holding app.yaml with 'template: true').")
    var template: String

    @Argument(help: "The new app's folder; it must not exist or be empty. Its name is the app's name.")
    var destination: String

    @Option(name: .customLong("set"), help: ArgumentHelp("A parameter's value.", valueName: "key=value"))
    var settings: [String] = []

    func run() throws {
        let folder = template.hasSuffix("app.yaml") ? (template as NSString).deletingLastPathComponent : template
        let apps: [LoadedApp]
        do {
            apps = try DefinitionLoader().load(path: folder)
        } catch {
            Terminal.printError("error: \(error.message)")
            throw ExitCode(1)
        }
        guard apps.count == 1, let loaded = apps.first else {
            Terminal.printError("error: '\(template)' holds \(apps.count) apps; name the template's own folder")
            throw ExitCode(1)
        }
        guard loaded.isTemplate else {
            Terminal.printError("error: '\(template)' is not a template; its app.yaml needs 'template: true' and 'parameters:'")
            throw ExitCode(1)
        }
        guard let definition = loaded.definition else {
            Terminal.printError(DiagnosticRenderer(sources: loaded.sources).text(loaded.diagnostics))
            Terminal.printError("error: the template '\(template)' has errors; fix them first")
            throw ExitCode(1)
        }
        let manager = FileManager.default
        if let children = try? manager.contentsOfDirectory(atPath: destination), !children.isEmpty {
            Terminal.printError("error: '\(destination)' already exists and is not empty; choose a new folder")
            throw ExitCode(1)
        }
        let file: NewAppFile
        switch NewAppFile.make(template: definition, templateFolder: folder, destination: destination, settings: settings) {
        case .success(let made): file = made
        case .failure(let error):
            Terminal.printError(error.problems.map { "error: \($0)" }.joined(separator: "\n"))
            throw ExitCode(1)
        }
        let appFile = (destination as NSString).appendingPathComponent("app.yaml")
        do {
            try manager.createDirectory(atPath: destination, withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: appFile), options: .withoutOverwriting)
        } catch {
            Terminal.printError("error: cannot write '\(appFile)': \(error.localizedDescription)")
            throw ExitCode(1)
        }
        let written = try CommandSupport.load(appFile)
        if written.contains(where: \.hasErrors) {
            Terminal.printError(DiagnosticRenderer(sources: written.flatMap(\.sources)).text(written.flatMap(\.diagnostics)))
            try? manager.removeItem(atPath: appFile)
            Terminal.printError("error: the new app does not check; nothing was written")
            throw ExitCode(1)
        }
        Terminal.print("created app '\(file.name)' in '\(appFile)', extending '\(folder)'")
    }
}
