import Foundation
import FormwrightCore
import Testing

@testable import FormwrightExpressions

/// The conformance tests of the strings extension functions the library provides (not `format` or `quote`).
@Suite struct StringExtensionTests {
    static let sections: Set<String> = [
        "ascii_casing", "char_at", "index_of", "join", "last_index_of", "replace", "reverse", "split", "substring", "trim",
        "value_errors", "type_errors",
    ]

    @Test func stringExtensionConformance() throws {
        let text = try String(contentsOf: ConformanceTests.dataFolder.appendingPathComponent("string_ext.jsonl"), encoding: .utf8)
        var passed = 0
        var failures: [String] = []
        for line in text.split(separator: "\n") {
            guard case .map(let object) = try JSONParser.parse(String(line)), case .string(let section) = object[.string("section")],
                Self.sections.contains(section)
            else { continue }
            let test = try ConformanceCase(line: String(line))
            if let failure = ConformanceTests.run(test) {
                failures.append("\(test.id): \(test.expression) → \(failure)")
            } else {
                passed += 1
            }
        }
        print("conformance string_ext.jsonl (selected sections): \(passed) passed, \(failures.count) failed")
        #expect(passed == 99)
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func replaceAndJoinCannotBuildWithoutBound() throws {
        var declarations = Declarations()
        declarations.declare("s", .string)
        let compiler = ExpressionCompiler(declarations: declarations)
        let long = Value.string(String(repeating: "x", count: 5_000))
        let replace = try #require(compiler.compile("size(s.replace('', s))").program)
        guard case .failure(let error) = replace.evaluate(["s": long]) else {
            Issue.record("expected a budget error")
            return
        }
        #expect(error.isBudgetExceeded)
        let join = try #require(compiler.compile("size([s, s, s, s, s].map(x, s).join())").program)
        #expect(join.evaluate(["s": long]) == .success(.int(25_000)))
        let tooLong = try #require(compiler.compile("size(\(LimitsTests.range(30)).map(x, s).join())").program)
        guard case .failure = tooLong.evaluate(["s": long]) else {
            Issue.record("expected a growth error")
            return
        }
    }
}
