import FormwrightCore
import Testing

@testable import FormwrightExpressions

/// Random token soup must never crash the parser, checker or evaluator.
@Suite struct RandomInputTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [
        "1", "0u", "-", "9223372036854775807", "-9223372036854775808", "1.5", "'a'", "b'\\xff'", "\"\\u00e9\"", "r'x'", "true", "null",
        "x", "l", "m", "s", ".", "(", ")", "[", "]", "{", "}", ":", ",", "?", "+", "*", "/", "%", "==", "!=", "<", ">=", "&&", "||",
        "!", "in", "size", "has", "all", "exists", "map", "filter", "exists_one", "int", "uint", "double", "string", "bytes",
        "timestamp", "duration", "type", "dyn", "matches", "[]", "{}", "[[]]", "'0s'", "'2020-01-01T00:00:00Z'", "e", "e ", " ", "`a-b`", "if", "\\",
    ]

    @Test func randomTokenSequencesNeverCrash() {
        var generator = Generator(state: 2026)
        var declarations = Declarations()
        declarations.declare("x", .int)
        declarations.declare("l", .list(.int))
        declarations.declare("m", .map(key: .string, value: .dyn))
        declarations.declare("s", .nullable(.string))
        let compiler = ExpressionCompiler(declarations: declarations)
        let bindings: [String: Value] = [
            "x": .int(Int64.max), "l": .list([.int(0), .int(-1)]), "m": .map(ValueMap([(.string("a"), .list([]))])), "s": .null,
        ]
        var compiled = 0
        for _ in 0..<3_000 {
            let length = Int.random(in: 1...14, using: &generator)
            let source = (0..<length).map { _ in Self.fragments.randomElement(using: &generator) ?? "" }.joined(separator: " ")
            for check in [true, false] {
                if let program = compiler.compile(source, check: check).program {
                    compiled += 1
                    _ = program.evaluate(bindings)
                }
            }
        }
        #expect(compiled > 0)
    }
}
