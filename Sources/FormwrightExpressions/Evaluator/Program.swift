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
    let container: String
    let constants: [String: Value]

    init(
        source: String, checked: CheckedExpression?, root: any Interpretable, localCount: Int, limits: ExpressionLimits, container: String = "",
        constants: [String: Value] = [:], resultType: ExpressionType? = nil
    ) {
        self.source = source
        self.constants = constants
        self.container = container
        self.checked = checked
        self.resultType = resultType ?? checked?.resultType ?? .dyn
        self.root = root
        self.localCount = localCount
        self.limits = limits
    }

    /// The declared variables the program reads (full names), as the checker resolved them; empty when unchecked.
    /// Constants (a template's parameters) are values, not variables, and are left out.
    public var referencedVariables: Set<String> {
        guard let checked else { return [] }
        var names: Set<String> = []
        for reference in checked.references.values {
            if case .variable(let name, _) = reference, constants[name] == nil { names.insert(name) }
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

    /// A program that evaluates one node of this program's checked tree on its own, with the
    /// names and overloads the checker resolved for it, under the same limits.
    ///
    /// A caller uses it to work out a part of an expression once, such as the constant side of a
    /// comparison, instead of once per record. The node must come from ``checked`` and must not
    /// read a loop variable of an enclosing comprehension (such a name is unbound on its own).
    public func subprogram(_ node: ExpressionNode) -> Program {
        var planner = Planner(container: container, checked: checked, functions: StandardLibrary.functions, constants: constants)
        let interpretable = planner.plan(node)
        return Program(
            source: source, checked: checked, root: interpretable, localCount: planner.slotCount, limits: limits, container: container,
            constants: constants, resultType: checked.map { $0.types[node.id] ?? .dyn } ?? .dyn)
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
