import FormwrightCore
import Testing

@testable import FormwrightExpressions

/// Every limit, and hostile inputs that must end quickly with a clear error.
@Suite struct LimitsTests {
    static func timed(_ body: () -> Void) -> Duration {
        ContinuousClock().measure(body)
    }

    static func range(_ count: Int) -> String {
        "[" + (0..<count).map(String.init).joined(separator: ", ") + "]"
    }

    @Test func sourceLengthIsLimited() {
        let source = String(repeating: "1+", count: 5_000) + "1"
        let compilation = ExpressionCompiler().compile(source)
        #expect(compilation.diagnostics.map(\.id) == [ExpressionDiagnostic.ID.tooComplex])
        #expect(compilation.diagnostics.first?.message.contains("the limit is 10000") == true)
    }

    @Test(arguments: [
        String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
        String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
        String(repeating: "{1: ", count: 2_000) + "1" + String(repeating: "}", count: 2_000),
        String(repeating: "f(", count: 4_000) + String(repeating: ")", count: 4_000),
        String(repeating: "!", count: 9_000) + "true",
        String(repeating: "-", count: 9_000) + "1",
        "a" + String(repeating: ".b", count: 4_000),
        "a" + String(repeating: "[0]", count: 3_000),
        String(repeating: "1 + ", count: 2_400) + "1",
        String(repeating: "true ? 1 : ", count: 900) + "2",
    ])
    func deepNestingIsAnErrorNotACrash(source: String) {
        var limits = ExpressionLimits()
        limits.maxSourceLength = 100_000
        var compilation: ExpressionCompiler.Compilation?
        let elapsed = Self.timed { compilation = ExpressionCompiler(limits: limits).compile(source, check: false) }
        #expect(compilation?.program == nil)
        #expect(compilation?.diagnostics.first?.id == ExpressionDiagnostic.ID.tooComplex)
        #expect(compilation?.diagnostics.first?.message.contains("nests too deeply") == true)
        #expect(elapsed < .seconds(1))
    }

    @Test func nestingWithinTheLimitIsFine() {
        let source = String(repeating: "(", count: 240) + "1" + String(repeating: ")", count: 240)
        #expect(ExpressionCompiler().compile(source).program?.evaluate() == .success(.int(1)))
        // Long chains of && and || are balanced, so they stay shallow.
        let chain = Array(repeating: "x", count: 1_500).joined(separator: " || ") + " || true"
        var declarations = Declarations()
        declarations.declare("x", .bool)
        #expect(ExpressionCompiler(declarations: declarations).compile(chain).program?.evaluate(["x": .bool(false)]) == .success(.bool(true)))
    }

    @Test func hugeLiteralsAreHandled() {
        let text = String(repeating: "é", count: 9_000)
        let program = ExpressionCompiler().compile("size('\(text)')").program
        #expect(program?.evaluate() == .success(.int(9_000)))
        let tooBig = ExpressionCompiler().compile("123456789012345678901234567890")
        #expect(tooBig.diagnostics.first?.message == "integer literal out of range")
        #expect(ExpressionCompiler().compile("1e999").program?.evaluate() == .success(.double(.infinity)))
    }

    @Test func estimatedCostRejectsNestedLoopsOverLargeInputs() {
        var declarations = Declarations()
        declarations.declare("scores", .list(.int), maxSize: 100)
        declarations.declare("items", .list(.int))
        let compiler = ExpressionCompiler(declarations: declarations)
        // 100 × 100 loop iterations: fine.
        #expect(compiler.compile("scores.all(a, scores.exists(b, a == b))").program != nil)
        // 100³ iterations with a body: over the default limit of 1,000,000.
        let cubic = compiler.compile("scores.all(a, scores.all(b, scores.all(c, a + b + c > 0)))")
        #expect(cubic.diagnostics.map(\.id) == [ExpressionDiagnostic.ID.costLimit])
        // Without a declared size, a list is assumed to hold 1,000 elements.
        #expect(compiler.compile("items.all(a, items.all(b, a != b))").diagnostics.map(\.id) == [ExpressionDiagnostic.ID.costLimit])
        #expect(compiler.compile("items.all(a, a > 0)").program != nil)
    }

    @Test func exponentialMacroNestingEndsQuickly() {
        let ten = Self.range(10)
        var source = "1"
        for name in ["a", "b", "c", "d", "e", "f", "g"] { source = "\(ten).map(\(name), \(source))" }
        // The checker refuses it from the estimate …
        #expect(ExpressionCompiler().compile(source).diagnostics.map(\.id) == [ExpressionDiagnostic.ID.costLimit])
        // … and unchecked, the step budget stops it.
        var outcome: Result<Value, EvaluationError>?
        let elapsed = Self.timed { outcome = ExpressionCompiler().compile(source, check: false).program?.evaluate() }
        guard case .failure(let error) = outcome else {
            Issue.record("expected the step budget to stop the evaluation")
            return
        }
        #expect(error.isBudgetExceeded)
        #expect(error.message.contains("budget of 1000000 steps"))
        #expect(elapsed < .seconds(1))
    }

    @Test func stepBudgetIsEnforced() {
        let limits = ExpressionLimits(maxSteps: 500)
        let program = ExpressionCompiler(limits: limits).compile("\(Self.range(200)).all(x, x >= 0)").program
        guard case .failure(let error) = program?.evaluate() else {
            Issue.record("expected a budget error")
            return
        }
        #expect(error.isBudgetExceeded)
        #expect(ExpressionCompiler(limits: limits).compile("\(Self.range(20)).all(x, x >= 0)").program?.evaluate() == .success(.bool(true)))
    }

    @Test func stringGrowthIsLimited() throws {
        var declarations = Declarations()
        declarations.declare("s", .string)
        let program = try #require(ExpressionCompiler(declarations: declarations).compile("size(s + s)").program)
        let small = String(repeating: "x", count: 40_000)
        #expect(program.evaluate(["s": .string(small)]) == .success(.int(80_000)))
        let large = String(repeating: "x", count: 60_000)
        guard case .failure(let error) = program.evaluate(["s": .string(large)]) else {
            Issue.record("expected a growth error")
            return
        }
        #expect(error.isBudgetExceeded)
        #expect(error.message.contains("string longer than 100000"))
    }

    @Test func listGrowthIsLimited() throws {
        var declarations = Declarations()
        declarations.declare("l", .list(.int), maxSize: 20_000)
        let compiler = ExpressionCompiler(declarations: declarations)
        let six = Value.list(Array(repeating: .int(1), count: 6_000))
        let concatenation = try #require(compiler.compile("size(l + l)").program)
        guard case .failure(let error) = concatenation.evaluate(["l": six]) else {
            Issue.record("expected a growth error")
            return
        }
        #expect(error.message.contains("list longer than 10000"))
        let mapped = try #require(compiler.compile("size(l.map(x, x + 1))").program)
        #expect(mapped.evaluate(["l": six]) == .success(.int(6_000)))
        let twenty = Value.list(Array(repeating: .int(1), count: 20_000))
        guard case .failure = mapped.evaluate(["l": twenty]) else {
            Issue.record("expected a growth error")
            return
        }
    }

    @Test(arguments: [
        ("(a+)+$", String(repeating: "a", count: 5_000) + "!"),
        ("(a|aa)*b", String(repeating: "a", count: 5_000)),
        ("(.*a){20}", String(repeating: "a", count: 2_000)),
        ("^(\\w+\\s?)*$", String(repeating: "word ", count: 1_000) + "!"),
    ])
    func regularExpressionsRunInLinearTime(pattern: String, text: String) throws {
        var declarations = Declarations()
        declarations.declare("text", .string)
        declarations.declare("pattern", .string)
        let program = try #require(ExpressionCompiler(declarations: declarations).compile("text.matches(pattern)").program)
        var outcome: Result<Value, EvaluationError>?
        let elapsed = Self.timed { outcome = program.evaluate(["text": .string(text), "pattern": .string(pattern)]) }
        #expect((try? outcome?.get()) != nil)
        #expect(elapsed < .seconds(1))
    }
}
