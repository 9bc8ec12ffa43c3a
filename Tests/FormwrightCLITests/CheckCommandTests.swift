import Foundation
import Testing

/// Golden tests of `formwright check`: its text, its JSON, its help and its exit codes.
@Suite struct CheckCommandTests {
    @Test func textOutputMatchesTheGoldenFile() async throws {
        let output = try await CommandRunner.run(["check", "broken"])
        #expect(output.status == 1)
        #expect(output.standardOutput == (try CommandRunner.golden("check-text.txt")))
    }

    @Test func jsonOutputMatchesTheContract() async throws {
        let output = try await CommandRunner.run(["check", "broken", "--format", "json"])
        #expect(output.status == 1)
        #expect(output.standardOutput == (try CommandRunner.golden("check-json.json")))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [[String: Any]])
        #expect(parsed.count == 5)
        for item in parsed {
            #expect(Set(item.keys) == ["file", "line", "column", "severity", "id", "message"])
        }
    }

    @Test func helpMatchesTheGoldenFile() async throws {
        let output = try await CommandRunner.run(["check", "--help"])
        #expect(output.status == 0)
        #expect(output.standardOutput == (try CommandRunner.golden("check-help.txt")))
    }

    @Test func cleanAppExitsZero() async throws {
        let text = try await CommandRunner.run(["check", "clean"])
        #expect(text.status == 0)
        #expect(text.standardOutput == "no problems found\n")
        let json = try await CommandRunner.run(["check", "clean", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.standardOutput == "[]\n")
    }

    /// Every app folder under `apps/`, as a path relative to the package root.
    static let exampleApps: [String] = {
        let apps = CommandRunner.packageRoot.appendingPathComponent("apps")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: apps.path)) ?? []
        return names.sorted().filter { FileManager.default.fileExists(atPath: apps.appendingPathComponent("\($0)/app.yaml").path) }
            .map { "apps/\($0)" }
    }()

    @Test func theExampleAppsIncludeSalesForecast() {
        #expect(Self.exampleApps.contains("apps/customer-sentiment"))
        #expect(Self.exampleApps.contains("apps/sales-forecast"))
    }

    @Test(arguments: exampleApps)
    func exampleAppChecksClean(app: String) async throws {
        let output = try await CommandRunner.run(["check", app], in: CommandRunner.packageRoot)
        #expect(output.status == 0)
        #expect(output.standardOutput == "no problems found\n")
    }

    @Test func missingPathIsAnIOFailure() async throws {
        let output = try await CommandRunner.run(["check", "no-such-folder"])
        #expect(output.status == 2)
        #expect(output.standardError == "error: 'no-such-folder' does not exist\n")
        #expect(output.standardOutput.isEmpty)
    }

    @Test func unknownFormatIsAUsageError() async throws {
        let output = try await CommandRunner.run(["check", "clean", "--format", "xml"])
        #expect(output.status == 64)
        #expect(output.standardError.contains("'xml' is invalid for '--format <format>'"))
    }
}
