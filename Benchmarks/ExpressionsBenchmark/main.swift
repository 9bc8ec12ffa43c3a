// Times compiling (parse + check + plan) and evaluating precompiled programs for the cases in
// Benchmarks/expressions/cases.json, and prints one JSON object per case.
import FormwrightCore
import FormwrightExpressions
import Foundation

let casesPath = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "Benchmarks/expressions/cases.json"
guard let text = try? String(contentsOfFile: casesPath, encoding: .utf8), case .list(let cases) = try JSONParser.parse(text) else {
    FileHandle.standardError.write(Data("cannot read \(casesPath)\n".utf8))
    exit(2)
}

/// The fastest of `rounds` timings of `body` run `iterations` times, in nanoseconds per iteration.
///
/// The minimum, not the median: on a shared machine other work only ever adds time.
func measure(rounds: Int = 7, iterations: Int, _ body: () -> Int) -> Double {
    var samples: [Double] = []
    var sink = 0
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        for _ in 0..<iterations { sink &+= body() }
        let elapsed = ContinuousClock.now - start
        let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        samples.append(nanoseconds / Double(iterations))
    }
    if sink == 42 { print("") }
    return samples.min() ?? 0
}

func declaredType(_ value: Value) -> ExpressionType {
    switch value {
    case .int: .int
    case .double: .double
    case .string: .string
    case .bool: .bool
    case .list: .list(.int)
    default: .dyn
    }
}

for entry in cases {
    guard case .map(let object) = entry, case .string(let name) = object[.string("name")],
        case .string(let source) = object[.string("expr")], case .map(let variables) = object[.string("vars")]
    else { continue }
    var declarations = Declarations()
    var bindings: [String: Value] = [:]
    for (key, value) in variables.entries {
        guard case .string(let variable) = key else { continue }
        declarations.declare(variable, declaredType(value), maxSize: 100)
        bindings[variable] = value
    }
    let compiler = ExpressionCompiler(declarations: declarations)
    guard let program = compiler.compile(source).program else {
        FileHandle.standardError.write(Data("\(name): does not compile: \(compiler.compile(source).diagnostics)\n".utf8))
        continue
    }
    let activation = VariableBindings(bindings)
    let result = program.evaluate(activation)
    let compileNanoseconds = measure(iterations: 2_000) { compiler.compile(source).program == nil ? 0 : 1 }
    let evaluateNanoseconds = measure(iterations: 20_000) {
        if case .success = program.evaluate(activation) { return 1 }
        return 0
    }
    let rendered = (try? result.get()).map(ValueJSONRenderer.render) ?? "error"
    print(
        "{\"name\": \(JSONText.quote(name)), \"compile_ns\": \(Int(compileNanoseconds)), \"evaluate_ns\": \(Int(evaluateNanoseconds)), "
            + "\"result\": \(JSONText.quote(rendered))}")
}
