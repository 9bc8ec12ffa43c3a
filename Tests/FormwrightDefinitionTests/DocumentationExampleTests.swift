import FormwrightCore
import FormwrightDefinition
import Foundation
import Testing

/// Every complete app in `docs/expressions-in-apps.md` and `docs/workflows.md` checks with no errors and no warnings.
@Suite struct DocumentationExampleTests {
    static func examples(in file: String = "expressions-in-apps.md") throws -> [String] {
        let path = TestPaths.packageRoot.appendingPathComponent("docs").appendingPathComponent(file)
        let text = try String(contentsOf: path, encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```yaml" {
                current = []
            } else if let lines = current, line == "```" {
                blocks.append(lines.joined(separator: "\n") + "\n")
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func everyExampleAppChecksClean() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 5)
        for example in examples {
            let loaded = DefinitionLoader().load(bytes: Array(example.utf8), path: "example.yaml")
            #expect(loaded.diagnostics.isEmpty, "\(example.prefix(60)): \(loaded.diagnostics.map { "\($0.range.start) \($0.message)" })")
            #expect(loaded.definition != nil)
        }
    }

    @Test func everyWorkflowExampleAppChecksClean() throws {
        let examples = try Self.examples(in: "workflows.md").filter { $0.hasPrefix("formwright: 1") }
        #expect(!examples.isEmpty)
        for example in examples {
            let loaded = DefinitionLoader().load(bytes: Array(example.utf8), path: "example.yaml")
            #expect(loaded.diagnostics.isEmpty, "\(example.prefix(60)): \(loaded.diagnostics.map { "\($0.range.start) \($0.message)" })")
            #expect(loaded.definition?.workflows.isEmpty == false)
        }
    }
}
