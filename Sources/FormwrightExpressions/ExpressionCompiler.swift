import FormwrightCore

/// Parses, checks and plans expressions against a set of declarations.
public struct ExpressionCompiler: Sendable {
    /// The names expressions may use.
    public var declarations: Declarations
    /// The limits applied when compiling and evaluating.
    public var limits: ExpressionLimits

    /// Creates a compiler.
    public init(declarations: Declarations = Declarations(), limits: ExpressionLimits = .default) {
        self.declarations = declarations
        self.limits = limits
    }

    /// The outcome of compiling one expression: a program when there are no errors, and every diagnostic.
    public struct Compilation: Sendable {
        /// The program, or nil when an error was found.
        public var program: Program?
        /// Errors and warnings, in source order.
        public var diagnostics: [ExpressionDiagnostic]
    }

    /// Compiles `source`; with `check` false the type checker is skipped and names resolve at run time.
    ///
    /// - Parameters:
    ///   - source: the expression text.
    ///   - check: whether to type-check (and estimate cost); unchecked programs resolve names at run time.
    ///   - expecting: the type the expression must produce, such as `.bool` for a condition.
    public func compile(_ source: String, check: Bool = true, expecting: ExpressionType? = nil) -> Compilation {
        let root: ExpressionNode
        switch ExpressionParser.parse(source, limits: limits) {
        case .success(let node): root = node
        case .failure(let diagnostic): return Compilation(program: nil, diagnostics: [diagnostic])
        }
        var checked: CheckedExpression?
        var diagnostics: [ExpressionDiagnostic] = []
        if check {
            var checker = Checker(declarations: declarations, limits: limits)
            checker.source = Array(source.unicodeScalars)
            let result = checker.check(root)
            if let expecting, !checker.diagnostics.contains(where: { $0.severity == .error }) {
                var relations = TypeRelations()
                if !relations.accepts(expecting, result.resultType) || (result.resultType.acceptsNull && !expecting.acceptsNull) {
                    checker.report(
                        ExpressionDiagnostic.ID.typeMismatch, "expected '\(expecting)' but found '\(result.resultType)'", root.span)
                }
            }
            if !checker.diagnostics.contains(where: { $0.severity == .error }) {
                let estimate = CostEstimator(checked: result, declarations: declarations, limits: limits).cost(root)
                if estimate > limits.maxEstimatedCost {
                    checker.report(
                        ExpressionDiagnostic.ID.costLimit,
                        "estimated cost \(estimate == .max ? "beyond 2^64" : String(estimate)) exceeds the limit of \(limits.maxEstimatedCost); "
                            + "declare smaller maximum sizes or simplify the expression", root.span)
                }
            }
            diagnostics = checker.diagnostics.sorted { ($0.range.lowerBound, $0.id) < ($1.range.lowerBound, $1.id) }
            if diagnostics.contains(where: { $0.severity == .error }) {
                return Compilation(program: nil, diagnostics: diagnostics)
            }
            checked = result
        }
        var planner = Planner(
            container: declarations.container, checked: checked, functions: StandardLibrary.functions, constants: declarations.constants)
        let interpretable = planner.plan(root)
        let program = Program(
            source: source, checked: checked, root: interpretable, localCount: planner.slotCount, limits: limits,
            container: declarations.container, constants: declarations.constants)
        return Compilation(program: program, diagnostics: diagnostics)
    }
}
