import FormwrightCore
import FormwrightPostgres
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

/// The `workflow-crash` fixture app copied to a new folder under a name of its own, with a store
/// for it: a new SQLite file, or the PostgreSQL database given (where the own name keeps it apart
/// from other tests using the same database).
struct WorkflowFixture {
    static let token = "workflow-admin-token-0123456789abcdef"
    static let database = ProcessInfo.processInfo.environment["FORMWRIGHT_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// "sqlite", and "postgres" when `FORMWRIGHT_POSTGRES_URL` names a database.
    static var stores: [String] { ["sqlite"] + (database == nil ? [] : ["postgres"]) }

    let folder: URL
    let app: String
    let store: String

    /// Copies the fixture for a store kind ("sqlite" or "postgres").
    init(store kind: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-workflow-\(UUID().uuidString)")
        app = "workflow-" + UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(10)
        store = kind == "postgres" ? try #require(Self.database) : "sqlite:\(folder.path)/data.sqlite"
        let source = CommandRunner.testsFolder.appendingPathComponent("Fixtures/workflow-crash/app.yaml")
        let yaml = try String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "app: workflow-crash", with: "app: \(app)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("app"), withIntermediateDirectories: true)
        try yaml.write(to: folder.appendingPathComponent("app/app.yaml"), atomically: true, encoding: .utf8)
    }

    /// The arguments of `serve` for this app and store.
    var arguments: [String] { [folder.appendingPathComponent("app").path, "--store", store] }

    /// The environment that points the app's `pricing` integration at `url`.
    static func environment(service url: String) -> [String: String] { ["FORMWRIGHT_TEST_SERVICE_URL": url] }

    /// Runs `body` with the store opened from the test process, next to the servers using it; then
    /// drops the app from a PostgreSQL database and closes the store.
    func withStore(_ body: (any StorageBackend) async throws -> Void) async throws {
        let storage: any StorageBackend
        if store.hasPrefix("sqlite:") {
            storage = try await SQLiteStorage(path: "\(folder.path)/data.sqlite", readOnly: true)
        } else {
            storage = try await PostgresStorage(url: store)
        }
        var failure: (any Error)?
        do { try await body(storage) } catch { failure = error }
        if let postgres = storage as? PostgresStorage { try? await postgres.drop(app: app) }
        try? await storage.close()
        if let failure { throw failure }
    }

    /// Creates an order through the records API and gives its id.
    func createOrder(_ item: String, on server: ServerProcess) async throws -> String {
        let created = try await server.request(
            "POST", "api/v1/apps/\(app)/tables/orders/records", token: Self.token, body: #"{"item":"\#(item)","touches":0}"#)
        #expect(created.status == 201, "\(created.body)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(created.body.utf8)) as? [String: Any])
        return try #require(object["id"] as? String)
    }

    /// Every workflow run of the app.
    func jobs(in storage: any StorageBackend) async throws -> [Job] {
        try await storage.read(app: app) { try $0.jobs(JobQuery(limit: 1000)) }
    }

    /// The receipts of one order.
    func receipts(of order: String, in storage: any StorageBackend) async throws -> Int {
        try await storage.read(app: app) { try $0.count(table: "receipts", matching: ["order": .string(order)]) }
    }

    /// Waits, polling every quarter second, until `condition` holds or `seconds` have passed; gives whether it held.
    static func poll(seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(250))
        }
        return try await condition()
    }
}
