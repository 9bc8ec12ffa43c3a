public import FormwrightCore

/// A compiled expression, ready to evaluate any number of times, from any thread.
///
/// ```swift
/// var declarations = Declarations()
/// declarations.declare("risk", .string)
/// let compilation = ExpressionCompiler(declarations: declarations).compile("risk == 'high'")
/// let result = compilation.program?.evaluate(["risk": .string("high")])   // .success(.bool(true))
/// ```
public struct Program: Sendable {
    /// The source text the program was compiled from.
    public let source: String
    /// The checked tree, when the program was type-checked.
    public let checked: CheckedExpression?
    /// The type of the values the program produces (`dyn` when unchecked).
    public let resultType: ExpressionType
    /// The limits applied to each evaluation.
    public let limits: ExpressionLimits
    let root: any Interpretable
    let localCount: Int

    init(source: String, checked: CheckedExpression?, root: any Interpretable, localCount: Int, limits: ExpressionLimits) {
        self.source = source
        self.checked = checked
        self.resultType = checked?.resultType ?? .dyn
        self.root = root
        self.localCount = localCount
        self.limits = limits
    }

    /// The declared variables the program reads (full names), as the checker resolved them; empty when unchecked.
    public var referencedVariables: Set<String> {
        guard let checked else { return [] }
        var names: Set<String> = []
        for reference in checked.references.values {
            if case .variable(let name, _) = reference { names.insert(name) }
        }
        return names
    }

    /// Evaluates against `activation`, returning a type value as its name in a string.
    public func evaluate(_ activation: some Activation) -> Result<Value, EvaluationError> {
        evaluateRuntime(activation).map { value in
            switch value {
            case .value(let plain): plain
            case .type(let name): .string(name)
            }
        }
    }

    /// Evaluates with variables from a dictionary.
    public func evaluate(_ variables: [String: Value] = [:]) -> Result<Value, EvaluationError> {
        evaluate(VariableBindings(variables))
    }

    /// Evaluates against `activation`, keeping type values as such.
    public func evaluateRuntime(_ activation: some Activation) -> Result<RuntimeValue, EvaluationError> {
        var state = EvaluationState(activation: activation, limits: limits, localCount: localCount)
        do {
            return .success(try root.evaluate(&state))
        } catch {
            return .failure(error)
        }
    }
}
