import ArgumentParser
import FormwrightPostgres
import FormwrightSQLite
import FormwrightStorage
import Foundation

/// `--store URL` and `--store-wait SECONDS`, shared by every command that opens a store.
struct StoreOption: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: "Where data lives: sqlite:PATH (with ?mode=ro and ?max_size=SIZE), postgres://USER:PASSWORD@HOST:PORT/DATABASE, or memory:.")
    var url = StoreURL.default.description

    @Option(
        name: .customLong("store-wait"), help: ArgumentHelp("How long to keep retrying an unreachable PostgreSQL server at start.", valueName: "seconds"))
    var storeWait = 30

    /// The store's URL as messages show it: a PostgreSQL password is written `***`.
    var shownURL: String {
        (try? StoreURL(parsing: url))?.description ?? url
    }

    func validate() throws {
        guard (0...3_600).contains(storeWait) else { throw ValidationError("--store-wait must be between 0 and 3600 seconds") }
    }

    /// Opens the named store; a bad URL or an unopenable store is a clear error and exit 1.
    ///
    /// - Parameter servingReads: when true (for `serve`), an SQLite file that cannot be written
    ///   (the file or its folder is read-only) is opened read-only, with a note on standard error,
    ///   instead of failing on the first write.
    func open(servingReads: Bool = false) async throws -> any StorageBackend {
        do {
            switch try StoreURL(parsing: url) {
            case .memory:
                return MemoryStorage()
            case .sqlite(let path, let options):
                var readOnly = options.readOnly
                if servingReads, !readOnly, let reason = Self.unwritableReason(path) {
                    Terminal.printError("note: store '\(shownURL)' cannot be written (\(reason)); serving it read-only: writes are refused")
                    readOnly = true
                }
                return try await SQLiteStorage(path: path, readOnly: readOnly, maximumSize: options.maximumSize)
            case .postgres(let address):
                var configuration = PostgresStorage.Configuration(address: address)
                configuration.openTimeout = .seconds(storeWait)
                configuration.retryReport = { line in Terminal.printError("waiting: \(line)") }
                return try await PostgresStorage(configuration: configuration)
            }
        } catch {
            Terminal.printError("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// Why an existing SQLite file cannot be written by this process, or nil when it can (or does
    /// not exist yet). SQLite writes the file and, beside it, its `-wal` and `-shm` files.
    private static func unwritableReason(_ path: String) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        if access(path, W_OK) != 0 { return "the file is read-only" }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if access(folder, W_OK) != 0 { return "its folder is read-only" }
        return nil
    }
}
