import ArgumentParser
import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime

/// What several commands share: loading apps and reporting their problems.
enum CommandSupport {
    /// Loads every app under `path` with its diagnostics; exits 2 when the path itself cannot be read.
    static func load(_ path: String) throws -> [LoadedApp] {
        do {
            return try DefinitionLoader().load(path: path)
        } catch {
            Terminal.printError("error: \(error.message)")
            throw ExitCode(2)
        }
    }

    /// Loads every app under `path` but the templates (checked, never served); prints diagnostics and exits 1 if any app
    /// or template has errors, 2 if the path is unreadable.
    static func loadApps(_ path: String) throws -> [AppDefinition] {
        let apps = try load(path)
        let diagnostics = apps.flatMap(\.diagnostics)
        if apps.contains(where: \.hasErrors) {
            Terminal.printError(DiagnosticRenderer(sources: apps.flatMap(\.sources)).text(diagnostics))
            throw ExitCode(1)
        }
        return apps.filter { !$0.isTemplate }.compactMap(\.definition)
    }

    /// Loads an app's seed data (`data/<table>.csv`, once per table) and reports each file loaded;
    /// a refused file prints every problem and exits 1, with nothing of it written.
    static func loadSeeds(for runtime: AppRuntime, report: (String) -> Void) async throws {
        do {
            for load in try await SeedLoader(runtime: runtime).load().loaded {
                let records = "\(load.recordCount) record\(load.recordCount == 1 ? "" : "s")"
                report("  loaded \(records) into table '\(load.table)' of app '\(runtime.name)' from its seed file")
            }
        } catch let rejected as SeedRejected {
            Terminal.printError(rejected.problems.map { "error: \($0)" }.joined(separator: "\n"))
            throw ExitCode(1)
        }
    }
}
