import ArgumentParser
import FormwrightPostgres
import FormwrightSQLite
import FormwrightStorage

/// `--store URL`, shared by every command that opens a store.
struct StoreOption: ParsableArguments {
    @Option(name: .customLong("store"), help: "Where data lives: sqlite:PATH, postgres://USER:PASSWORD@HOST:PORT/DATABASE, or memory:.")
    var url = StoreURL.default.description

    /// The store's URL as messages show it: a PostgreSQL password is written `***`.
    var shownURL: String {
        (try? StoreURL(parsing: url))?.description ?? url
    }

    /// Opens the named store; a bad URL or an unopenable store is a clear error and exit 1.
    func open() async throws -> any StorageBackend {
        do {
            switch try StoreURL(parsing: url) {
            case .memory: return MemoryStorage()
            case .sqlite(let path): return try await SQLiteStorage(path: path)
            case .postgres(let address): return try await PostgresStorage(configuration: .init(address: address))
            }
        } catch {
            Terminal.printError("error: \(error)")
            throw ExitCode(1)
        }
    }
}
