import Foundation
import FormwrightCore
import Testing

@testable import FormwrightExpressions

/// Runs the CEL conformance data (tiers `core` and `time`) kept beside the repository.
@Suite struct ConformanceTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let dataFolder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/cel-conformance")
    static let exclusionsFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("conformance-exclusions.txt")

    /// The excluded test IDs, from `conformance-exclusions.txt` (`id  # reason` per line).
    static func exclusions() throws -> Set<String> {
        let text = try String(contentsOf: exclusionsFile, encoding: .utf8)
        var ids: Set<String> = []
        for line in text.split(separator: "\n") {
            let id = line.split(separator: "#", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if !id.isEmpty { ids.insert(id) }
        }
        return ids
    }

    /// Runs one case; nil when it passes, otherwise why it failed.
    static func run(_ test: ConformanceCase) -> String? {
        var declarations = Declarations(container: test.container)
        for (name, type) in test.declarations { declarations.declare(name, type) }
        let compilation = ExpressionCompiler(declarations: declarations).compile(test.expression, check: test.check)
        guard let program = compilation.program else {
            return "did not compile: \(compilation.diagnostics.map(\.description).joined(separator: "; "))"
        }
        let outcome = program.evaluateRuntime(VariableBindings(test.bindings))
        switch outcome {
        case .success(let value):
            if test.expectsError { return "expected an error, got \(value)" }
            guard let expected = test.expected else { return nil }
            return ConformanceCase.same(value, expected) ? nil : "expected \(expected), got \(value)"
        case .failure(let error):
            return test.expectsError ? nil : "unexpected error: \(error)"
        }
    }

    @Test func coreAndTimeTiers() throws {
        let excluded = try Self.exclusions()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.dataFolder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        #expect(!files.isEmpty, "no conformance data at \(Self.dataFolder.path)")
        var failures: [String] = []
        var unexpectedlyPassing: [String] = []
        var total = (passed: 0, failed: 0, excluded: 0)
        for file in files {
            let text = try String(contentsOf: Self.dataFolder.appendingPathComponent(file), encoding: .utf8)
            var counts = (passed: 0, failed: 0, excluded: 0)
            for line in text.split(separator: "\n") where line.contains("\"tier\": \"core\"") || line.contains("\"tier\": \"time\"") {
                let test = try ConformanceCase(line: String(line))
                let failure = Self.run(test)
                if excluded.contains(test.id) {
                    counts.excluded += 1
                    if failure == nil { unexpectedlyPassing.append(test.id) }
                } else if let failure {
                    counts.failed += 1
                    failures.append("\(test.id): \(test.expression) → \(failure)")
                } else {
                    counts.passed += 1
                }
            }
            guard counts != (0, 0, 0) else { continue }
            print("conformance \(file): \(counts.passed) passed, \(counts.failed) failed, \(counts.excluded) excluded")
            total = (total.passed + counts.passed, total.failed + counts.failed, total.excluded + counts.excluded)
        }
        print("conformance total: \(total.passed) passed, \(total.failed) failed, \(total.excluded) excluded")
        for failure in failures { print("FAIL \(failure)") }
        #expect(failures.isEmpty, "\(failures.count) conformance tests failed")
        #expect(unexpectedlyPassing.isEmpty, "excluded tests now pass; remove them from the list: \(unexpectedlyPassing)")
    }
}
