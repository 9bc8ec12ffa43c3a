import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Foundation
import Testing

/// `apps/sales-forecast` with its seed data loaded into an in-memory store, once per test process.
enum SalesForecastApp {
    /// A Monday just after the generated history ends (its last week starts 2026-11-23), noon UTC.
    static let now = Timestamp(seconds: 1_796_040_000)

    private static let shared = Task { () throws -> AppRuntime in
        let loaded = try DefinitionLoader().load(path: SalesForecastSeedTests.appFolder.path)
        guard let definition = loaded.first?.definition else {
            throw RuntimeError(.badRequest, "apps/sales-forecast does not load: \(loaded.first?.diagnostics.map(\.message) ?? [])")
        }
        let runtime = AppRuntime(definition: definition, storage: MemoryStorage())
        try await runtime.prepare()
        _ = try await SeedLoader(runtime: runtime).load()
        return runtime
    }

    /// The runtime with the seed data loaded.
    static func runtime() async throws -> AppRuntime {
        try await shared.value
    }

    /// The generator's true driver weights, by the forecast's driver names.
    static func trueWeights() throws -> [String: Double] {
        let weights = try #require(try SalesForecastSeedTests.truth()["weights"] as? [String: Double])
        return ["subsidy": try #require(weights["subsidies"]), "ads": try #require(weights["ads"]), "competitor": try #require(weights["competitor_prices"])]
    }
}

extension SalesForecastApp {
    /// A seed file's rows as maps of column name to text.
    static func rows(_ table: String) throws -> [[String: String]] {
        let bytes = try [UInt8](Data(contentsOf: SalesForecastSeedTests.appFolder.appendingPathComponent("data/\(table).csv")))
        let records = try CSVReader.read(bytes)
        let header = try #require(records.first).cells
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.cells)) }
    }

    /// The Monday of the ISO week a `YYYY-MM-DD` date falls in.
    static func monday(_ text: String) throws -> String {
        let date = try #require(CalendarDate(text))
        let days = date.daysSinceEpoch
        let sinceMonday = ((days + 3) % 7 + 7) % 7
        return try #require(CalendarDate(daysSinceEpoch: days - sinceMonday)).description
    }

    /// A copy of the app in a new temporary folder with its driver weights, and perhaps other text, replaced.
    static func copy(weights: [String: Double] = ["subsidy": 0.10, "ads": 0.05, "competitor": 0.15], replacing: [(String, String)] = []) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sales-forecast-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: SalesForecastSeedTests.appFolder, to: folder)
        let file = folder.appendingPathComponent("app.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        for (old, new) in replacing {
            #expect(text.contains(old))
            text = text.replacingOccurrences(of: old, with: new)
        }
        for (driver, current) in [("subsidy", "level, weight: 0.10"), ("ads", "spend, weight: 0.05"), ("competitor", "index, weight: 0.15")] {
            let weight = try #require(weights[driver])
            let replaced = current.replacingOccurrences(of: current.split(separator: " ").last.map(String.init) ?? "", with: String(weight))
            #expect(text.contains(current))
            text = text.replacingOccurrences(of: current, with: replaced)
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        return folder
    }

    /// A runtime over an app folder (such as a copy of this app), its seed data loaded into memory.
    static func runtime(folder: URL) async throws -> AppRuntime {
        let loaded = try DefinitionLoader().load(path: folder.path)
        let definition = try #require(loaded.first?.definition, "\(loaded.first?.diagnostics.map(\.message) ?? [])")
        let runtime = AppRuntime(definition: definition, storage: MemoryStorage())
        try await runtime.prepare()
        _ = try await SeedLoader(runtime: runtime).load()
        return runtime
    }
}
