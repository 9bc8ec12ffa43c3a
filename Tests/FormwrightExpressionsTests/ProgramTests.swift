import FormwrightCore
import Testing

@testable import FormwrightExpressions

@Suite struct ProgramTests {
    @Test func reportsTheVariablesItReads() throws {
        let program = try #require(CheckerTests.compiler.compile("record.channel == 'x' && scores.exists(s, s > size(tags))").program)
        #expect(program.referencedVariables == ["record", "scores", "tags"])
    }

    @Test func evaluatesOneOfItsNodesOnItsOwn() throws {
        let program = try #require(CheckerTests.compiler.compile("record.channel == 'x' && size(scores) < 2 * 3 + scores.size()").program)
        let checked = try #require(program.checked)
        guard case .call("_&&_", nil, let sides) = checked.root.kind, case .call("_==_", nil, let equality) = sides[0].kind,
            case .call("_<_", nil, let comparison) = sides[1].kind
        else {
            Issue.record("unexpected tree")
            return
        }
        #expect(checked.recordField(at: equality[0])?.field == "channel")
        #expect(checked.recordField(at: equality[0])?.record == "record")
        #expect(checked.variable(at: equality[0]) == nil)
        #expect(checked.variable(at: comparison[0]) == nil)
        let bound = program.subprogram(comparison[1])
        #expect(bound.resultType == .int)
        #expect(try bound.evaluate(["scores": .list([.int(1), .int(2)])]).get() == .int(8))
    }
}
