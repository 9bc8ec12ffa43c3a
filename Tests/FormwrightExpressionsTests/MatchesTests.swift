import FormwrightCore
import Testing

@testable import FormwrightExpressions

@Suite struct MatchesTests {
    @Test func constantPatternsAreCheckedAndPrecompiled() throws {
        let invalid = ExpressionCompiler().compile("'abc'.matches('a(b')")
        #expect(invalid.diagnostics.map(\.id) == [ExpressionDiagnostic.ID.invalidPattern])
        #expect(invalid.diagnostics.first?.range == 14..<19)
        let program = try #require(ExpressionCompiler().compile("'abc'.matches('^a.c$') && matches('xbx', 'b')").program)
        #expect(program.evaluate() == .success(.bool(true)))
        #expect((try? ExpressionCompiler().compile("'abc'.matches(dyn('a(b'))").program?.evaluate().get()) == nil)
    }
}
