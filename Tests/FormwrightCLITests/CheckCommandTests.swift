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

    @Test func exampleAppChecksClean() async throws {
        let output = try await CommandRunner.run(["check", "apps/customer-sentiment"], in: CommandRunner.packageRoot)
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
