import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Foundation
import Testing

/// `apps/ai-collab-log`: its seed data loads, its adoption dashboard gives each pod's weekly
/// adoption rate as a ratio of sums worked out again here from the CSV file, and an edited or
/// rejected suggestion must say why.
@Suite struct AICollabLogTests {
    static let folder = ExampleSeedTests.appsFolder.appendingPathComponent("ai-collab-log")
    /// The Monday after the seed data's last week (2026-11-23), noon in Shanghai.
    static let now = Timestamp(seconds: 1_796_011_200)

    static func runtime() async throws -> AppRuntime {
        try await SalesForecastApp.runtime(folder: folder)
    }

    static func rows() throws -> [[String: String]] {
        let records = try CSVReader.read([UInt8](Data(contentsOf: folder.appendingPathComponent("data/suggestions.csv"))))
        let header = try #require(records.first).cells
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.cells)) }
    }

    @Test func theAdoptionChartIsEachPodsKeptOverJudgedPerWeek() async throws {
        let result = try await Self.runtime().dashboard("adoption", now: Self.now)
        guard case .chart(let chart) = try #require(result.tiles.dropFirst().first).content else {
            Issue.record("the second tile is a chart")
            return
        }
        var kept: [String: [String: Double]] = [:]
        var judged: [String: [String: Double]] = [:]
        for row in try Self.rows() {
            let week = try SalesForecastApp.monday(row["made_on"]!)
            judged[row["pod"]!, default: [:]][week, default: 0] += 1
            kept[row["pod"]!, default: [:]][week, default: 0] += row["verdict"] == "rejected" ? 0 : 1
        }
        #expect(chart.series.map(\.name) == ["east", "north", "south", "west"])
        #expect(chart.categories.count == 12)
        #expect(chart.categories.first == "2026-09-07" && chart.categories.last == "2026-11-23")
        for series in chart.series {
            let pod = try #require(series.name)
            for (week, value) in zip(chart.categories, series.values) {
                let week = try #require(week)
                let expected = try #require(kept[pod]?[week]) / (try #require(judged[pod]?[week]))
                #expect(abs((value.number ?? -1) - expected) < 1e-12, "\(pod) \(week)")
            }
        }
    }

    @Test func theMostRejectedKindOfSuggestionLeadsTheRejections() async throws {
        let result = try await Self.runtime().dashboard("adoption", now: Self.now)
        guard case .chart(let chart) = try #require(result.tiles.dropFirst(2).first).content else {
            Issue.record("the third tile is a chart")
            return
        }
        var rejected: [String: Double] = [:]
        for row in try Self.rows() where row["verdict"] == "rejected" { rejected[row["assistant"]!, default: 0] += 1 }
        let counts = Dictionary(uniqueKeysWithValues: zip(chart.categories.map { $0 ?? "" }, chart.series[0].values.map { $0.number ?? 0 }))
        #expect(counts == rejected)
        #expect(rejected.max { $0.value < $1.value }?.key == "price_hint")
    }

    @Test func aRejectionWithoutAReasonIsRefusedAndNothingIsWritten() async throws {
        let runtime = try await Self.runtime()
        let before = try await runtime.storage.read(app: "ai-collab-log") { try $0.count(table: "suggestions") }
        let input = SubmissionInput(
            values: [
                "pod": .string("east"), "assistant": .string("price_hint"), "suggestion": .string("Offer 5% off"),
                "made_on": .string("2026-11-30"), "person": .string("ana"), "verdict": .string("rejected"),
            ], format: .json)
        let error = await #expect(throws: (any Error).self) { try await runtime.create(table: "suggestions", input: input) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("Say why the suggestion was edited or rejected."))
        #expect(try await runtime.storage.read(app: "ai-collab-log") { try $0.count(table: "suggestions") } == before)
    }
}
