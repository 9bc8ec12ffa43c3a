import ArgumentParser
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage

extension CommandSupport {
    /// Runs `body` on an app's runtime over the store `store` names, as a command that reads the
    /// app's data does: the store is opened for writing, the app's tables brought up to date (safe
    /// steps only) and its seed data loaded into a new store (each file reported on standard error),
    /// then the store is closed again, whatever `body` did.
    ///
    /// Any failure is printed on standard error as `error: …` and ends the command with exit 1.
    static func withRuntime<T: Sendable>(
        of definition: AppDefinition, store: StoreOption, _ body: (AppRuntime) async throws -> T
    ) async throws -> T {
        let backend = try await store.open()
        let outcome: Result<T, any Error>
        do {
            let runtime = AppRuntime(definition: definition, storage: backend)
            do {
                try await runtime.prepare()
            } catch {
                throw StoreFailure("preparing app '\(runtime.name)' in store '\(store.shownURL)': \(error)")
            }
            try await loadSeeds(for: runtime) { Terminal.printError($0) }
            outcome = .success(try await body(runtime))
        } catch {
            outcome = .failure(error)
        }
        try? await backend.close()
        switch outcome {
        case .success(let value):
            return value
        case .failure(let exit as ExitCode):
            throw exit
        case .failure(let error):
            Terminal.printError("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// Runs `body` on the app over an empty store in memory when `refused` says that the definition
    /// alone makes it fail (an unknown forecast, say), so the runtime words the error while the store
    /// named on the command line is never opened: nothing is written for a request refused anyway.
    /// Prints the error and exits 1 when `body` throws; returns when it does not.
    static func refuseWithoutStore(of definition: AppDefinition, if refused: Bool, _ body: (AppRuntime) async throws -> Void) async throws {
        guard refused else { return }
        let runtime = AppRuntime(definition: definition, storage: MemoryStorage())
        do {
            try await runtime.prepare()
            try await body(runtime)
        } catch {
            Terminal.printError("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// A failure already worded for the terminal.
    private struct StoreFailure: Error, CustomStringConvertible {
        var description: String

        init(_ description: String) { self.description = description }
    }
}
