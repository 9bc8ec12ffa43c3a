import FormwrightCore
import Testing

@testable import FormwrightExpressions

@Suite struct ProgramTests {
    @Test func reportsTheVariablesItReads() throws {
        let program = try #require(CheckerTests.compiler.compile("record.channel == 'x' && scores.exists(s, s > size(tags))").program)
        #expect(program.referencedVariables == ["record", "scores", "tags"])
    }
}
