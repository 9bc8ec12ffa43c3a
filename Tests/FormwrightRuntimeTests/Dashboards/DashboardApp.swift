import FormwrightCore
import FormwrightDefinition
import FormwrightPostgres
import FormwrightRuntime
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

/// A deals table with a dashboard of every tile kind, served from any backend, seeded with sixty
/// deals whose figures the tests work out again by hand.
enum DashboardApp {
    static func yaml(app: String) -> String {
        """
        formwright: 1
        app: \(app)
        timezone: Asia/Shanghai
        tables:
          deals:
            fields:
              name:      { type: text, required: true }
              region:    { type: choice, options: [east, west] }
              stage:     { type: choice, options: [lead, proposal, won, lost] }
              amount:    { type: money }
              units:     { type: integer, required: true }
              score:     { type: number }
              closed_on: { type: date }
              closed_at: { type: datetime }
        dashboards:
          sales:
            title: Sales
            tiles:
              - { kind: kpi, title: Won lately, table: deals, measure: sum(amount), filter: "stage == 'won'",
                  date: closed_on, period: week, last: 4, compare: previous }
              - { kind: kpi, table: deals, measure: count }
              - { kind: kpi, table: deals, measure: avg(score) }
              - { kind: kpi, table: deals, measure: { ratio: [amount, units] } }
              - { kind: line, table: deals, measure: sum(amount), by: week(closed_at), split: region, last: 6 }
              - { kind: bar, table: deals, measure: count, by: stage }
              - { kind: table, table: deals, columns: [name, amount], filter: "region == 'east'", sort: -amount, limit: 3 }
          whole_weeks:
            tiles:
              - { kind: kpi, table: deals, measure: sum(amount), filter: "stage == 'won'", date: closed_on, period: week, last: 4,
                  current: false, compare: previous }
          untranslatable:
            tiles:
              - { kind: kpi, table: deals, measure: count, filter: "amount > 10.001" }
        """
    }

    /// The moment the dashboards are computed for: Wednesday 2026-11-25, 20:00 in Shanghai.
    static let now = Timestamp(seconds: 1_795_608_000)

    static let backends = FilterApp.backends

    /// One seeded deal as the tests see it.
    struct Deal {
        var name: String
        var region: String?
        var stage: String
        var minor: Int64?
        var units: Int64
        var score: Double?
        var closedOn: Date
        var closedAt: Date
    }

    static let deals: [Deal] = (0..<60).map { index in
        let regions = ["east", "west", nil]
        let stages = ["won", "lead", "won", "proposal", "lost"]
        let minor = Int64((100 + (index * 37) % 900) * 100 + (index * 13) % 100)
        return Deal(
            name: "Deal \(index)", region: regions[index % 3], stage: stages[index % 5], minor: index % 7 == 6 ? nil : minor,
            units: Int64(index % 9 + 1), score: index % 6 == 5 ? nil : Double((index * 7) % 21 - 10) / 10,
            closedOn: Date(timeIntervalSince1970: 1_795_564_800 - Double((index * 3) % 120) * 86_400),
            closedAt: Date(timeIntervalSince1970: Double(now.seconds) - Double(index) * 29 * 3600 - Double(index % 5) * 60))
    }

    /// A date as `YYYY-MM-DD` in UTC (for a date field), or in Shanghai (for the day a datetime falls on).
    static func day(_ date: Date, zone: String = "UTC") -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// The Monday starting the week a moment falls in, in Shanghai, worked out with Foundation's calendar.
    static func shanghaiWeek(_ date: Date) -> String {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let start = calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? date
        return day(start, zone: "Asia/Shanghai")
    }

    static func seed(_ runtime: AppRuntime) async throws {
        let time = ISO8601DateFormatter()
        for deal in deals {
            var values: [String: Value] = [
                "name": .string(deal.name), "stage": .string(deal.stage), "units": .int(deal.units),
                "closed_on": .string(day(deal.closedOn)), "closed_at": .string(time.string(from: deal.closedAt)),
            ]
            if let region = deal.region { values["region"] = .string(region) }
            if let minor = deal.minor { values["amount"] = .string(MoneyText.format(minor, scale: 2)) }
            if let score = deal.score { values["score"] = .double(score) }
            _ = try await runtime.create(table: "deals", input: SubmissionInput(values: values, format: .json))
        }
    }

    static func definition(app: String) throws -> AppDefinition {
        let loaded = DefinitionLoader().load(bytes: Array(yaml(app: app).utf8), path: "app.yaml")
        return try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
    }

    /// Runs `body` on the seeded app on a new store of the named backend, closing the store after.
    static func withStore(_ backend: String, _ body: (AppRuntime) async throws -> Void) async throws {
        let store = try await open(backend)
        do {
            try await body(store.runtime)
        } catch {
            try await store.close()
            throw error
        }
        try await store.close()
    }

    /// The seeded app on a new store of the named backend, and what closes it.
    static func open(_ backend: String) async throws -> FilterApp.Store {
        switch backend {
        case "sqlite":
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dashboards-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let storage = try await SQLiteStorage(path: folder.appendingPathComponent("data.sqlite").path)
            let runtime = AppRuntime(definition: try definition(app: "dashboards"), storage: storage)
            try await runtime.prepare()
            try await seed(runtime)
            return FilterApp.Store(runtime: runtime) {
                try await storage.close()
                try? FileManager.default.removeItem(at: folder)
            }
        case "postgres":
            let url = try #require(FilterApp.postgresURL)
            var configuration = PostgresStorage.Configuration(address: try PostgresAddress(parsing: url))
            configuration.maximumConnections = 2
            configuration.openTimeout = .seconds(10)
            let storage = try await PostgresStorage(configuration: configuration)
            let app = "dashboards-" + UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(10)
            let runtime = AppRuntime(definition: try definition(app: app), storage: storage)
            try await runtime.prepare()
            try await seed(runtime)
            return FilterApp.Store(runtime: runtime) {
                try? await storage.drop(app: app)
                try await storage.close()
            }
        default:
            let runtime = AppRuntime(definition: try definition(app: "dashboards"), storage: MemoryStorage())
            try await runtime.prepare()
            try await seed(runtime)
            return FilterApp.Store(runtime: runtime) {}
        }
    }
}

extension Value {
    /// The member `key` of an object, or nil.
    func member(_ key: String) -> Value? {
        guard case .map(let map) = self else { return nil }
        return map[.string(key)]
    }
}
