import FormwrightDefinition
import FormwrightRuntime
import FormwrightServer
import FormwrightStorage
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// A small forecasting app in a temporary folder — weekly sales of two regions and one driver
/// table, as seed CSV files generated around the current week — served from a registry that an
/// ``AppReloader`` swaps, on an in-memory store, through the router without a socket.
final class ForecastWorkspace: Sendable {
    static let token = "forecast-web-admin-token-0123456789abcdef"
    static let app = "shop-forecast"
    static let forecast = "weekly_sales"
    static let api = "/api/v1/apps/shop-forecast/forecasts/weekly_sales"
    static let page = "/apps/shop-forecast/forecasts/weekly_sales"

    let root: String
    let folder: String
    let registry: AppRegistry
    let reloader: AppReloader
    let server: FormwrightHTTPServer
    /// Lines written by the reloader or the server's log, collected.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    /// The reloader's lines.
    let reported = Lines()
    /// The server's log lines, as JSON.
    let logged = Lines()

    /// The app file with the driver's weight and bounds as given.
    static func yaml(weight: String = "0.1", bounds: String = "[0, 0.4]") -> String {
        """
        formwright: 1
        app: shop-forecast
        title: Shop forecast
        tables:
          sales:
            fields:
              region:  { type: text, required: true }
              sold_on: { type: date, required: true }
              amount:  { type: number, required: true }
          promotions:
            fields:
              region:  { type: text, required: true }
              week_of: { type: date, required: true }
              level:   { type: number, required: true }
        forecasts:
          weekly_sales:
            title: Weekly sales
            target: { table: sales, measure: amount, date: sold_on, by: [region] }
            period: week
            horizon: 3
            baseline: moving_average
            drivers:
              promo: { table: promotions, value: level, weight: \(weight), bounds: \(bounds) }
            scenarios:
              east_promo_up: [{ driver: promo, where: "region == 'east'", scale: 1.5 }]
            backtest: { windows: 4, metrics: [wape, mape, bias, mase] }
            credibility: { green: 0.1, amber: 0.2 }

        """
    }

    /// The Monday starting the week `offset` weeks from the current one (UTC), as `YYYY-MM-DD`.
    static func monday(_ offset: Int, plusDays days: Int = 0) -> String {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let now = Date()
        let start = calendar.dateInterval(of: .weekOfYear, for: now)?.start ?? now
        let day = calendar.date(byAdding: .day, value: offset * 7 + days, to: start) ?? start
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The promotion level of a region in week `offset`: varying in the past, high in the weeks ahead.
    static func level(_ region: Int, _ offset: Int) -> Double {
        offset >= 0 ? 40 + Double(region) * 5 : 10 + Double((-offset * 7 + region * 3) % 5) * 3
    }

    /// 30 weeks of sales per region, one sale on each Wednesday, moved by the promotion of its week.
    static func salesCSV() -> String {
        var lines = ["region,sold_on,amount"]
        for (index, region) in ["east", "west"].enumerated() {
            for offset in -30 ... -1 {
                let base = index == 0 ? 1000.0 : 600.0
                let amount = base + 40 * sin(Double(offset)) + 8 * level(index, offset)
                lines.append("\(region),\(monday(offset, plusDays: 2)),\(String(format: "%.2f", amount))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The promotion levels per region and week, from 30 weeks back to 4 weeks ahead.
    static func promotionsCSV() -> String {
        var lines = ["region,week_of,level"]
        for (index, region) in ["east", "west"].enumerated() {
            for offset in -30...4 { lines.append("\(region),\(monday(offset)),\(level(index, offset))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// - Parameter seeded: whether the app has its seed data; without it the store stays empty.
    init(yaml: String = ForecastWorkspace.yaml(), seeded: Bool = true) async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-web-\(UUID().uuidString)").path
        folder = (root as NSString).appendingPathComponent("shop")
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        try yaml.write(toFile: folder + "/app.yaml", atomically: true, encoding: .utf8)
        if seeded {
            try Self.salesCSV().write(toFile: folder + "/data/sales.csv", atomically: true, encoding: .utf8)
            try Self.promotionsCSV().write(toFile: folder + "/data/promotions.csv", atomically: true, encoding: .utf8)
        }

        let storage = MemoryStorage()
        var runtimes: [AppRuntime] = []
        for loaded in try DefinitionLoader().load(path: root) {
            let runtime = AppRuntime(definition: try #require(loaded.definition, "\(loaded.diagnostics)"), storage: storage)
            try await runtime.prepare()
            _ = try await SeedLoader(runtime: runtime).load()
            runtimes.append(runtime)
        }
        registry = AppRegistry(runtimes)
        let reported = self.reported
        reloader = AppReloader(path: root, registry: registry, storage: storage) { reported.append($0) }
        server = try FormwrightHTTPServer(apps: registry, configuration: ServerConfiguration(adminToken: Self.token))
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The app as served now.
    var runtime: AppRuntime {
        get throws { try #require(registry.app(Self.app)) }
    }

    /// Writes the app file again (a reload picks it up).
    func rewrite(_ yaml: String) throws {
        try yaml.write(toFile: folder + "/app.yaml", atomically: true, encoding: .utf8)
    }

    /// Runs requests against the router, with the server's log lines collected.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let logged = self.logged
        var logger = Logger(label: "formwright.forecast-test") { label in
            JSONLogHandler(label: label) { logged.append($0) }
        }
        logger.logLevel = .info
        try await Application(responder: server.responder(), logger: logger).test(.router, body)
    }

    static var admin: HTTPFields { [.authorization: "Bearer \(token)"] }

    /// A response body as a JSON object.
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    /// The forecast numbers of each group of a JSON report, by label.
    static func forecasts(_ report: [String: Any]) -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        for case let group as [String: Any] in report["groups"] as? [Any] ?? [] {
            guard let label = group["label"] as? String else { continue }
            result[label] = (group["forecast"] as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
        }
        return result
    }
}
