import ArgumentParser
import FormwrightCore
import FormwrightDefinition

/// What several commands share: loading apps and reporting their problems.
enum CommandSupport {
    /// Loads every app under `path`; prints diagnostics and exits 1 if any app has errors, 2 if the path is unreadable.
    static func loadApps(_ path: String) throws -> [AppDefinition] {
        let apps: [LoadedApp]
        do {
            apps = try DefinitionLoader().load(path: path)
        } catch {
            Terminal.printError("error: \(error.message)")
            throw ExitCode(2)
        }
        let diagnostics = apps.flatMap(\.diagnostics)
        if apps.contains(where: \.hasErrors) {
            Terminal.printError(DiagnosticRenderer(sources: apps.compactMap(\.source)).text(diagnostics))
            throw ExitCode(1)
        }
        return apps.compactMap(\.definition)
    }
}
