import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Foundation
import Testing

/// The example apps' seed data passes the same checks as any import.
@Suite struct ExampleSeedTests {
    static let appsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("apps")

    @Test func customerSentimentSeedsLoadCleanly() async throws {
        let loaded = try DefinitionLoader().load(path: Self.appsFolder.appendingPathComponent("customer-sentiment").path)
        let definition = try #require(loaded.first?.definition)
        let runtime = AppRuntime(definition: definition, storage: MemoryStorage())
        try await runtime.prepare()
        let report = try await SeedLoader(runtime: runtime).load()
        #expect(report.loaded.map(\.table) == ["customers", "conversations"])
        #expect(report.loaded.map(\.recordCount) == [4, 4])
        let conversation = try await runtime.records(table: "conversations", limit: 10, after: nil).records.first
        #expect(conversation?.fields["customer"].map { $0 != .null } == true)
    }
}
