import FormwrightCore

/// What `formwright eval` does: parse `NAME=JSON` variables, compile and evaluate, render the outcome.
public enum CommandLineEvaluation {
    /// The outcome of one evaluation: the text to print and whether it succeeded.
    public struct Outcome: Sendable, Equatable {
        /// JSON of the result on success; the rendered error (with its position) otherwise.
        public var output: String
        /// True when the expression produced a value.
        public var succeeded: Bool
    }

    /// The name of the pseudo-file diagnostics point into.
    public static let sourceName = "<expression>"

    /// Evaluates `source` with variables given as `NAME=JSON` assignments.
    ///
    /// Each variable is declared with the type of its JSON value (numbers with a fraction or
    /// exponent are doubles, other numbers ints), so the expression is type-checked before it runs.
    public static func evaluate(_ source: String, assignments: [String], limits: ExpressionLimits = .default) -> Outcome {
        var declarations = Declarations()
        var bindings: [String: Value] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                return Outcome(output: "error: variable '\(assignment)' must be written NAME=JSON", succeeded: false)
            }
            let name = String(assignment[..<equals])
            let json = String(assignment[assignment.index(after: equals)...])
            let value: Value
            do {
                value = try JSONParser.parse(json)
            } catch {
                return Outcome(output: "error: the value of '\(name)' is not valid JSON: \(error)", succeeded: false)
            }
            bindings[name] = value
            declarations.declare(name, declaredType(of: value))
        }
        let compilation = ExpressionCompiler(declarations: declarations, limits: limits).compile(source)
        let file = SourceFile(path: sourceName, text: source)
        let renderer = DiagnosticRenderer(sources: [file])
        guard let program = compilation.program else {
            let diagnostics = compilation.diagnostics.map { $0.diagnostic(in: file) }
            return Outcome(output: renderer.text(diagnostics), succeeded: false)
        }
        switch program.evaluateRuntime(VariableBindings(bindings)) {
        case .success(let value):
            return Outcome(output: ValueJSONRenderer.render(value), succeeded: true)
        case .failure(let error):
            let range = error.range ?? 0..<source.unicodeScalars.count
            let diagnostic = ExpressionDiagnostic(id: ExpressionDiagnostic.ID.evaluation, message: error.message, range: range)
            return Outcome(output: renderer.text([diagnostic.diagnostic(in: file)]), succeeded: false)
        }
    }

    /// The static type a JSON value gets when declared as a variable.
    static func declaredType(of value: Value) -> ExpressionType {
        switch value {
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .list: .list(.dyn)
        case .map: .map(key: .string, value: .dyn)
        default: .dyn
        }
    }
}
