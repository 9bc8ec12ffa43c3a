import FormwrightCore
import Testing

@testable import FormwrightExpressions

@Suite struct CheckerTests {
    static let conversations = RecordType(
        name: "conversations",
        fields: [
            "channel": .string, "transcript": .string, "sentiment": .nullable(.double), "tags": .list(.string),
            "happened_at": .timestamp,
        ],
        maxSizes: ["transcript": 20_000, "tags": 10])

    static var compiler: ExpressionCompiler {
        var declarations = Declarations()
        declarations.declare("record", .record(conversations))
        declarations.declareFields(of: conversations)
        declarations.declare("now", .timestamp)
        declarations.declare("scores", .list(.int), maxSize: 100)
        declarations.declare("labels", .map(key: .string, value: .int))
        return ExpressionCompiler(declarations: declarations)
    }

    static func typed(_ source: String) -> String {
        let compilation = compiler.compile(source)
        guard let checked = compilation.program?.checked else { return "error: \(compilation.diagnostics)" }
        return checked.root.printed(types: checked.types)
    }

    static let goldens: [(String, String)] = [
        ("1 + 2", "_+_(1~int, 2~int)~int"),
        ("channel == 'email'", "_==_(channel~string, \"email\"~string)~bool"),
        ("record.sentiment", "record~conversations.sentiment~double?"),
        ("scores.map(s, s * 2.0)", "error: [14: expression.noMatchingOverload: no matching overload for '*' applied to ('int', 'double'); whole and decimal numbers do not mix: write a decimal point in literals (2.0), or convert with double(…) or int(…)]"),
        ("scores.map(s, double(s) * 2.0)", "map(scores~list(int), s, _*_(double(s~int)~double, 2.0~double)~double)~list(double)"),
        ("scores.filter(s, s > 1)", "filter(scores~list(int), s, _>_(s~int, 1~int)~bool)~list(int)"),
        ("labels['a'] + size(tags)", "_+_(_[_](labels~map(string, int), \"a\"~string)~int, size(tags~list(string))~int)~int"),
        ("[1, 'a']", "[1~int, \"a\"~string]~list(dyn)"),
        ("{'a': 1, 'b': 2u}", "{\"a\"~string: 1~int, \"b\"~string: 2u~uint}~map(string, dyn)"),
        ("type(1) == int", "_==_(type(1~int)~type(int), int~type(int))~bool"),
        ("sentiment == null ? 'unknown' : sentiment < -0.3 ? 'high' : 'low'",
         "_?_:_(_==_(sentiment~double?, null~null_type)~bool, \"unknown\"~string, _?_:_(_<_(sentiment~double, -0.3~double)~bool, \"high\"~string, \"low\"~string)~string)~string"),
        ("now - happened_at > duration('48h')",
         "_>_(_-_(now~google.protobuf.Timestamp, happened_at~google.protobuf.Timestamp)~google.protobuf.Duration, duration(\"48h\"~string)~google.protobuf.Duration)~bool"),
    ]

    @Test(arguments: goldens) func printsTheTypedTree(source: String, expected: String) {
        #expect(Self.typed(source) == expected)
    }

    /// Each case: source, expected diagnostic ID, its offset range, and a fragment of its message.
    static let problems: [(String, String, Range<Int>, String)] = [
        ("chanel == 'x'", ExpressionDiagnostic.ID.undeclaredReference, 0..<6, "undeclared reference to 'chanel'; did you mean 'channel'?"),
        ("record.scroe", ExpressionDiagnostic.ID.unknownField, 0..<12, "unknown field 'scroe' in 'conversations'"),
        ("1 + 'a'", ExpressionDiagnostic.ID.noMatchingOverload, 0..<7, "no matching overload for '+' applied to ('int', 'string')"),
        ("channel && true", ExpressionDiagnostic.ID.typeMismatch, 0..<7, "expected 'bool' but found 'string'"),
        ("true ? 1 : 'a'", ExpressionDiagnostic.ID.typeMismatch, 0..<14, "different types"),
        ("sizes(tags)", ExpressionDiagnostic.ID.undeclaredReference, 0..<11, "did you mean 'size'?"),
        ("scores.all(s, s)", ExpressionDiagnostic.ID.typeMismatch, 14..<15, "expected 'bool' but found 'int'"),
        ("channel.foo", ExpressionDiagnostic.ID.typeMismatch, 0..<11, "type 'string' has no fields"),
        ("{[1]: 2}", ExpressionDiagnostic.ID.typeMismatch, 1..<4, "unsupported map key type"),
    ]

    @Test(arguments: problems) func reportsProblemsWithIDsAndPositions(source: String, id: String, range: Range<Int>, message: String) {
        let compilation = Self.compiler.compile(source)
        #expect(compilation.program == nil)
        let found = compilation.diagnostics.first { $0.id == id }
        #expect(found?.range == range, "\(compilation.diagnostics)")
        #expect(found?.message.contains(message) == true, "\(compilation.diagnostics)")
    }

    @Test func reportsEveryErrorNotJustTheFirst() {
        let compilation = Self.compiler.compile("chanel == 'x' && record.scroe > 1 && 1 + 'a' == 2")
        #expect(compilation.diagnostics.map(\.id) == [
            ExpressionDiagnostic.ID.undeclaredReference, ExpressionDiagnostic.ID.unknownField, ExpressionDiagnostic.ID.noMatchingOverload,
        ])
    }

    @Test func expectedResultType() {
        let compilation = Self.compiler.compile("size(transcript)", expecting: .bool)
        #expect(compilation.diagnostics.map(\.message) == ["expected 'bool' but found 'int'"])
        #expect(Self.compiler.compile("size(transcript) > 3", expecting: .bool).program?.resultType == .bool)
        #expect(Self.compiler.compile("sentiment", expecting: .bool).program == nil)
    }

    @Test func nullableUseWarnsUnlessGuarded() {
        let unguarded = Self.compiler.compile("sentiment < 0.2")
        #expect(unguarded.program != nil)
        #expect(unguarded.diagnostics.map(\.id) == [ExpressionDiagnostic.ID.nullableUse])
        #expect(unguarded.diagnostics.first?.severity == .warning)
        #expect(unguarded.diagnostics.first?.range == 0..<9)
        for guarded in [
            "sentiment != null && sentiment < 0.2",
            "sentiment == null || sentiment < 0.2",
            "sentiment == null ? false : sentiment < 0.2",
            "sentiment != null ? sentiment < 0.2 : false",
            "!(sentiment == null) && sentiment < 0.2",
            "record.sentiment != null && record.sentiment > 0.0",
        ] {
            let compilation = Self.compiler.compile(guarded)
            #expect(compilation.diagnostics.isEmpty, "\(guarded): \(compilation.diagnostics)")
        }
        // Narrowing is per name: guarding one field does not cover another.
        #expect(!Self.compiler.compile("record.sentiment != null && sentiment > 0.0").diagnostics.isEmpty)
    }

    @Test func nullableFieldsEvaluate() throws {
        let program = try #require(Self.compiler.compile("sentiment == null ? 'unknown' : sentiment < -0.3 ? 'high' : 'low'").program)
        #expect(program.resultType == .string)
        #expect(program.evaluate([:]) == .success(.string("unknown")))
        #expect(program.evaluate(["sentiment": .null]) == .success(.string("unknown")))
        #expect(program.evaluate(["sentiment": .double(-0.5)]) == .success(.string("high")))
        let viaRecord = try #require(Self.compiler.compile("record.sentiment == null && has(record.channel)").program)
        let record = Value.map(ValueMap([(.string("channel"), .string("email"))]))
        #expect(viaRecord.evaluate(["record": record]) == .success(.bool(true)))
        let unguarded = try #require(Self.compiler.compile("sentiment < 0.2").program)
        #expect((try? unguarded.evaluate([:]).get()) == nil)
    }

    @Test func containerResolution() throws {
        var declarations = Declarations(container: "app.sales")
        declarations.declare("app.sales.quota", .int)
        declarations.declare("quota", .string)
        let compiler = ExpressionCompiler(declarations: declarations)
        #expect(compiler.compile("quota").program?.resultType == .int)
        #expect(compiler.compile(".quota").program?.resultType == .string)
    }

    @Test func nullableUseShowsTheGuard() {
        let condition = Self.compiler.compile("sentiment < 0.2")
        #expect(condition.diagnostics.first?.message.contains("write 'sentiment != null && sentiment < 0.2'") == true)
        let value = Self.compiler.compile("sentiment * 2.0")
        #expect(value.diagnostics.first?.message.contains("'sentiment == null ? … : sentiment * 2.0'") == true)
    }

    @Test func referencedNamesListVariablesAndRecordFields() throws {
        let program = try #require(Self.compiler.compile("channel == 'email' && record.sentiment != null && scores.all(s, s > 0)").program)
        let names = try #require(program.checked?.referencedNames)
        #expect(names == ["channel", "record", "record.sentiment", "scores"])
    }
}
