import FormwrightCore
import FormwrightDefinition
import Foundation
import Testing

/// Each folder under `Fixtures/checks/` holds a marked `app.yaml` and `expected.txt`; loading the
/// app must produce exactly the expected diagnostics, at the marked positions.
@Suite struct FixtureTests {
    static let cases: [String] = {
        let folder = TestPaths.fixtures.appendingPathComponent("checks")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func fixturesExist() {
        #expect(Self.cases.count >= 10)
    }

    @Test(arguments: cases)
    func fixtureProducesExactlyTheMarkedDiagnostics(name: String) throws {
        let folder = TestPaths.fixtures.appendingPathComponent("checks").appendingPathComponent(name)
        let marked = try String(contentsOf: folder.appendingPathComponent("app.yaml"), encoding: .utf8)
        let expectedText = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        let fixture = MarkedFixture(marked: marked)
        let expected = ExpectedDiagnostic.parse(expectedText)
        let loaded = DefinitionLoader().load(bytes: Array(fixture.text.utf8), path: "app.yaml")

        var unmatched = loaded.diagnostics
        for expectation in expected {
            let location = try #require(fixture.markers[expectation.marker], "marker \(expectation.marker) is not in \(name)/app.yaml")
            let index = unmatched.firstIndex {
                $0.id == expectation.id && $0.severity == expectation.severity && $0.range.start.line == location.line
                    && $0.range.start.column == location.column && (expectation.messageExcerpt.isEmpty || $0.message.contains(expectation.messageExcerpt))
            }
            #expect(index != nil, "\(name): expected \(expectation) at \(location); got \(loaded.diagnostics.map(Self.describe))")
            if let index { unmatched.remove(at: index) }
        }
        #expect(unmatched.isEmpty, "\(name): unexpected \(unmatched.map(Self.describe))")
        if expected.contains(where: { $0.severity == .error }) {
            #expect(loaded.definition == nil)
        } else {
            #expect(loaded.definition != nil)
        }
    }

    static func describe(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.range.start) \(diagnostic.severity.rawValue) \(diagnostic.id): \(diagnostic.message)"
    }
}
