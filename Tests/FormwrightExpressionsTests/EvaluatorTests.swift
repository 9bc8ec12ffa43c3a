import FormwrightCore
import Testing

@testable import FormwrightExpressions

@Suite struct EvaluatorTests {
    static func evaluate(_ source: String, _ variables: [String: Value] = [:], check: Bool = false) -> Result<Value, EvaluationError>? {
        ExpressionCompiler().compile(source, check: check).program?.evaluate(variables)
    }

    @Test func errorsAreAbsorbedByLogicCommutatively() {
        for source in ["1/0 == 1 || true", "true || 1/0 == 1", "1/0 == 1 && false", "false && 1/0 == 1"] {
            #expect((try? Self.evaluate(source)?.get()) != nil, "\(source)")
        }
        for source in ["1/0 == 1 || false", "false || 1/0 == 1", "1/0 == 1 && true", "true && 1/0 == 1"] {
            #expect((try? Self.evaluate(source)?.get()) == nil, "\(source)")
        }
    }

    @Test func runtimeErrorsPointAtTheFailingPart() {
        guard case .failure(let error) = Self.evaluate("1 + x / 0", ["x": .int(4)]) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.range == 4..<9)
        #expect(error.message == "division by zero")
    }

    @Test func integerOverflowIsAnError() {
        #expect((try? Self.evaluate("9223372036854775807 + 1")?.get()) == nil)
        #expect((try? Self.evaluate("-9223372036854775808 / -1")?.get()) == nil)
        #expect((try? Self.evaluate("0u - 1u")?.get()) == nil)
    }

    @Test func numbersCompareAcrossKinds() {
        #expect(Self.evaluate("dyn(1) == 1u && dyn(1u) == 1.0 && dyn(2) > 1.5 && dyn(-1) < 0u") == .success(.bool(true)))
        #expect(Self.evaluate("{1: 'a'}[1u] == 'a' && 2.0 in [1, 2]") == .success(.bool(true)))
    }

    @Test func stringsCountCodePoints() {
        #expect(Self.evaluate("size('🐱é') == 2 && 'a' < 'é' && 'Amélie' != 'Ame\\u0301lie'") == .success(.bool(true)))
    }

    @Test func timeZonesAndAccessors() {
        let source = "timestamp('2009-02-13T23:31:30Z').getHours('Asia/Kathmandu') == 5 && duration('1h30m').getMinutes() == 90"
        #expect(Self.evaluate(source) == .success(.bool(true)))
        #expect((try? Self.evaluate("timestamp('2009-02-13T23:31:30Z').getHours('Mars/Olympus')")?.get()) == nil)
    }

    @Test func programsAreReusableAcrossThreads() async throws {
        var declarations = Declarations()
        declarations.declare("n", .int)
        let program = try #require(ExpressionCompiler(declarations: declarations).compile("[1, 2, 3].map(x, x * n)[2]").program)
        let results = await withTaskGroup(of: Bool.self) { group in
            for n in 0..<200 {
                group.addTask { program.evaluate(["n": .int(Int64(n))]) == .success(.int(Int64(3 * n))) }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 200 && results.allSatisfy { $0 })
    }

    @Test func jsonRendering() {
        let value = Value.map(ValueMap([
            (.string("d"), .duration(TimeSpan(seconds: -1, nanos: -500_000_000))), (.int(2), .double(2)),
            (.string("x"), .double(.nan)), (.string("l"), .list([.bytes([0xFF]), .timestamp(Timestamp(seconds: 0, nanos: 1000))])),
        ]))
        #expect(ValueJSONRenderer.render(value) == #"{"d":"-1.5s","2":2.0,"x":"NaN","l":["/w==","1970-01-01T00:00:00.000001Z"]}"#)
    }

    @Test func commandLineEvaluation() {
        let outcome = CommandLineEvaluation.evaluate("a.b + c", assignments: [#"a={"b": 1.5}"#, "c=2.5"])
        #expect(outcome == CommandLineEvaluation.Outcome(output: "4.0", succeeded: true))
        let failure = CommandLineEvaluation.evaluate("c + 'x'", assignments: ["c=1"])
        #expect(!failure.succeeded)
        #expect(failure.output.hasPrefix("<expression>:1:1: error: no matching overload for '+' applied to ('int', 'string')"))
    }
}
