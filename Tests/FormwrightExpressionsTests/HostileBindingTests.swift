import FormwrightCore
import Testing

@testable import FormwrightExpressions

@Suite struct HostileBindingTests {
    @Test func outOfRangeTimesFromBindingsAreErrors() {
        var declarations = Declarations()
        declarations.declare("t", .timestamp)
        declarations.declare("d", .duration)
        let compiler = ExpressionCompiler(declarations: declarations)
        let extremes: [String: Value] = [
            "t": .timestamp(Timestamp(seconds: .max, nanos: .max)), "d": .duration(TimeSpan(seconds: .min, nanos: .min)),
        ]
        for source in ["t + d", "t - d", "t - t", "d - d", "-d == d", "t.getHours('+01:00')", "t.getDayOfWeek()", "string(t)"] {
            let outcome = compiler.compile(source, check: false).program?.evaluate(extremes)
            guard case .failure = outcome else {
                Issue.record("\(source): expected an error, got \(String(describing: outcome))")
                continue
            }
        }
    }
}

extension HostileBindingTests {
    @Test func outOfRangeTimesRenderWithoutTrapping() {
        let rendered = ValueJSONRenderer.render(Value.timestamp(Timestamp(seconds: .min, nanos: 0)))
        #expect(rendered == "\"-9223372036854775808s after 1970-01-01T00:00:00Z\"")
    }
}
