import ArgumentParser
import FormwrightDefinition

extension CommandSupport {
    /// The one app a command works on: the only app under `path`, or the one named `app`.
    static func loadOneApp(_ path: String, named app: String?) throws -> AppDefinition {
        let definitions = try loadApps(path)
        if let app {
            guard let definition = definitions.first(where: { $0.name.value == app }) else {
                let names = definitions.map(\.name.value)
                Terminal.printError("error: no app '\(app)' under '\(path)' (found: \(names.joined(separator: ", ")))")
                throw ExitCode(1)
            }
            return definition
        }
        guard definitions.count == 1, let only = definitions.first else {
            Terminal.printError("error: '\(path)' holds \(definitions.count) apps; name one with --app")
            throw ExitCode(1)
        }
        return only
    }
}
