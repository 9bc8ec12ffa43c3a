import FormwrightCore
import FormwrightDefinition
import FormwrightPostgres
import FormwrightRuntime
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

/// The `apps/lead-market` example, seeded from its `data/` folder, on a new store of a backend.
enum LeadMarket {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("apps/lead-market")

    /// The pods' credits in `data/pods.csv`, in minor units: what was issued.
    static let issued: [String: Int64] = [
        "pod-east-1": 100_000, "pod-east-2": 80_000, "pod-north-1": 120_000, "pod-south-1": 60_000, "pod-west-1": 40_000,
    ]

    /// SQLite (a file), and PostgreSQL when `FORMWRIGHT_POSTGRES_URL` names a database.
    static let backends = ["sqlite"] + (FilterApp.postgresURL == nil ? [] : ["postgres"])

    /// The example app, under another name when given, so PostgreSQL runs do not share tables.
    static func definition(app: String = "lead-market") throws -> AppDefinition {
        let path = folder.appendingPathComponent("app.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\napp: lead-market\n", with: "\napp: \(app)\n")
        let loaded = DefinitionLoader().load(bytes: Array(text.utf8), path: path)
        return try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
    }

    /// The app on a new store of the named backend, its seed data loaded.
    static func open(_ backend: String) async throws -> FilterApp.Store {
        let store: FilterApp.Store
        switch backend {
        case "postgres":
            let url = try #require(FilterApp.postgresURL)
            var configuration = PostgresStorage.Configuration(address: try PostgresAddress(parsing: url))
            configuration.maximumConnections = 4
            configuration.openTimeout = .seconds(10)
            let storage = try await PostgresStorage(configuration: configuration)
            let app = "lead-market-" + UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(10)
            let runtime = AppRuntime(definition: try definition(app: app), storage: storage)
            try await runtime.prepare()
            store = FilterApp.Store(runtime: runtime) {
                try? await storage.drop(app: app)
                try await storage.close()
            }
        default:
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("lead-market-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            let storage = try await SQLiteStorage(path: temporary.appendingPathComponent("data.sqlite").path)
            let runtime = AppRuntime(definition: try definition(), storage: storage)
            try await runtime.prepare()
            store = FilterApp.Store(runtime: runtime) {
                try await storage.close()
                try? FileManager.default.removeItem(at: temporary)
            }
        }
        _ = try await SeedLoader(runtime: store.runtime, folder: folder.appendingPathComponent("data").path).load()
        return store
    }

    /// Every pod's credits in minor units, read in one query.
    static func credits(_ runtime: AppRuntime) async throws -> [String: Int64] {
        let pods = try await runtime.records(table: "pods", limit: 100, after: nil).records
        var credits: [String: Int64] = [:]
        for pod in pods {
            guard case .int(let amount)? = pod.fields["credits"] else {
                Issue.record("pod \(pod.id) has no credits: \(String(describing: pod.fields["credits"]))")
                continue
            }
            credits[pod.id] = amount
        }
        return credits
    }

    /// Every stored trade.
    static func trades(_ runtime: AppRuntime) async throws -> [StoredRecord] {
        var all: [StoredRecord] = []
        var cursor: String?
        repeat {
            let page = try await runtime.records(table: "trades", limit: 100, after: cursor)
            all += page.records
            cursor = page.next
        } while cursor != nil
        return all
    }

    /// A trade's input.
    static func trade(seller: String, buyer: String, price: String, item: String = "lead") -> SubmissionInput {
        SubmissionInput(
            values: ["seller": .string(seller), "buyer": .string(buyer), "item": .string(item), "price": .string(price)], format: .json)
    }
}
