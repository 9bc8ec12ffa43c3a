import Foundation
import FormwrightCore
import Testing

@testable import FormwrightExpressions

/// The conformance tests that only need a type checker: the checker must deduce the stated type.
@Suite struct TypeDeductionTests {
    @Test func checkerOnlyConformanceTests() throws {
        let file = ConformanceTests.dataFolder.appendingPathComponent("type_deduction.jsonl")
        let text = try String(contentsOf: file, encoding: .utf8)
        var checked = 0
        var failures: [String] = []
        for line in text.split(separator: "\n") where line.contains(#""requires": ["type_checker"]"#) {
            guard case .map(let object) = try JSONParser.parse(String(line)), case .string(let source) = object[.string("expr")],
                let deduced = object[.string("deduced_type")]
            else { continue }
            let expected = try ConformanceCase.decodeType(deduced)
            checked += 1
            let compilation = ExpressionCompiler().compile(source)
            if compilation.program?.resultType != expected {
                failures.append("\(source): expected \(expected), got \(compilation.program?.resultType.description ?? "\(compilation.diagnostics)")")
            }
        }
        print("type deduction: \(checked - failures.count) passed, \(failures.count) failed")
        #expect(checked == 15)
        #expect(failures.isEmpty, "\(failures)")
    }
}
