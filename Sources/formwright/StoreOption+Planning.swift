import ArgumentParser
import FormwrightSQLite
import FormwrightStorage
import Foundation

extension StoreOption {
    /// Opens the named store for reading its schema without ever writing: an SQLite file is opened
    /// read-only, and a file that does not exist yet is an empty store (nil), not created.
    func openForPlanning() async throws -> (any MigratingBackend)? {
        let parsed: StoreURL
        do {
            parsed = try StoreURL(parsing: url)
        } catch {
            Terminal.printError("error: \(error)")
            throw ExitCode(1)
        }
        if case .sqlite(let path, let options) = parsed {
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            do {
                return try await SQLiteStorage(path: path, readOnly: true, maximumSize: options.maximumSize)
            } catch {
                Terminal.printError("error: \(error)")
                throw ExitCode(1)
            }
        }
        return try await openMigrating()
    }

    /// Opens the named store for writing; it must keep a schema history (plans, migrations, seed data).
    func openMigrating() async throws -> any MigratingBackend {
        let backend = try await open()
        guard let migrating = backend as? any MigratingBackend else {
            Terminal.printError("error: store '\(shownURL)' cannot plan or apply migrations")
            try? await backend.close()
            throw ExitCode(1)
        }
        return migrating
    }
}
