import FormwrightCore
import FormwrightDefinition
import FormwrightPostgres
import FormwrightRuntime
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

/// A table with a field of every filterable type, seeded with empty fields, Unicode text,
/// amounts, dates and datetimes, served from any backend.
enum FilterApp {
    static func yaml(app: String) -> String {
        """
        formwright: 1
        app: \(app)
        timezone: Asia/Shanghai
        tables:
          contacts:
            fields:
              name: { type: text, required: true }
              channel: { type: choice, options: [phone, visit, email, meeting] }
              score: { type: number }
              visits: { type: integer }
              amount: { type: money }
              active: { type: boolean }
              due_on: { type: date }
              seen_at: { type: datetime }
              tags: { type: multichoice, options: [vip, new, old] }
              owner: { type: email }
              band: { type: choice, options: [none, low, high], compute: "score == null ? 'none' : score < 0.0 ? 'low' : 'high'" }
        """
    }

    static func definition(app: String = "filters") throws -> AppDefinition {
        let loaded = DefinitionLoader().load(bytes: Array(yaml(app: app).utf8), path: "app.yaml")
        return try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
    }

    /// The database named by `FORMWRIGHT_POSTGRES_URL`, or nil when it is not set.
    static let postgresURL = ProcessInfo.processInfo.environment["FORMWRIGHT_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Every backend: memory, SQLite, and PostgreSQL when `FORMWRIGHT_POSTGRES_URL` names a database.
    static let backends = ["memory", "sqlite"] + (postgresURL == nil ? [] : ["postgres"])

    /// A prepared app on one backend, and what closes it.
    struct Store: Sendable {
        let runtime: AppRuntime
        let close: @Sendable () async throws -> Void
    }

    /// The app on a new store of the named backend; a PostgreSQL store gets an app name of its own, dropped on close.
    static func open(_ backend: String) async throws -> Store {
        switch backend {
        case "sqlite":
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("filters-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let storage = try await SQLiteStorage(path: folder.appendingPathComponent("data.sqlite").path)
            let runtime = AppRuntime(definition: try definition(), storage: storage)
            try await runtime.prepare()
            return Store(runtime: runtime) {
                try await storage.close()
                try? FileManager.default.removeItem(at: folder)
            }
        case "postgres":
            let url = try #require(postgresURL)
            var configuration = PostgresStorage.Configuration(address: try PostgresAddress(parsing: url))
            configuration.maximumConnections = 2
            configuration.openTimeout = .seconds(10)
            let storage = try await PostgresStorage(configuration: configuration)
            let app = "filters-" + UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(10)
            let runtime = AppRuntime(definition: try definition(app: app), storage: storage)
            try await runtime.prepare()
            return Store(runtime: runtime) {
                try? await storage.drop(app: app)
                try await storage.close()
            }
        default:
            let runtime = AppRuntime(definition: try definition(), storage: MemoryStorage())
            try await runtime.prepare()
            return Store(runtime: runtime) {}
        }
    }

    /// Forty contacts: every field sometimes empty, names in several scripts and normal forms.
    static func seed(_ runtime: AppRuntime) async throws {
        let names = ["Zoë", "zoe", "Zoe", "Émile", "E\u{301}mile", "émile", "Ängel", "東京", "Tōkyō", "Al", "Bo", "Zo", "😀 smile", "dé", "d"]
        let channels: [Value] = [.string("phone"), .string("visit"), .string("email"), .string("meeting"), .null]
        let scores: [Value] = [.double(-0.75), .double(0.0), .double(0.1), .double(0.5), .null, .double(-0.0), .double(1.0)]
        let amounts: [Value] = [.string("0.01"), .string("12.50"), .string("-3.00"), .string("1000000.00"), .null, .string("100"), .string("12.49")]
        let dates: [Value] = [.string("2024-02-29"), .string("2024-03-01"), .null, .string("2023-12-31"), .string("2024-03-02")]
        let times: [Value] = [
            .string("2024-05-01T10:00:00Z"), .string("2024-05-01T10:00:00.000001Z"), .null, .string("2024-05-01T09:59:59.999999Z"),
            .string("2030-01-01T00:00:00+08:00"), .string("1999-12-31T23:59:59Z"),
        ]
        let flags: [Value] = [.bool(true), .bool(false), .null]
        let tags: [Value] = [.list([.string("vip")]), .null, .list([.string("new"), .string("old")])]
        for index in 0..<40 {
            var values: [String: Value] = [
                "name": .string(names[index % names.count]),
                "channel": channels[index % channels.count],
                "score": scores[index % scores.count],
                "visits": index % 6 == 5 ? .null : .int(Int64(index % 6)),
                "amount": amounts[index % amounts.count],
                "active": flags[index % flags.count],
                "due_on": dates[index % dates.count],
                "seen_at": times[index % times.count],
                "tags": tags[index % tags.count],
            ]
            if index % 4 == 0 { values["owner"] = .string("owner\(index % 3)@example.com") }
            _ = try await runtime.create(table: "contacts", input: SubmissionInput(values: values, format: .json))
        }
    }
}
