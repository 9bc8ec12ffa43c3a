/// The mutable state of one evaluation: its variables, loop variables and remaining budget.
struct EvaluationState {
    let activation: any Activation
    let limits: ExpressionLimits
    var locals: [RuntimeValue]
    var steps = 0

    init(activation: any Activation, limits: ExpressionLimits, localCount: Int) {
        self.activation = activation
        self.limits = limits
        self.locals = Array(repeating: .null, count: localCount)
    }

    /// Counts `count` steps and fails once the budget is spent.
    @inline(__always)
    mutating func step(_ count: Int = 1) throws(EvaluationError) {
        steps &+= count
        if steps > limits.maxSteps {
            throw EvaluationError(
                "evaluation exceeded its budget of \(limits.maxSteps) steps", isBudgetExceeded: true)
        }
    }

    /// Fails when a value built by the evaluation is larger than the limits allow.
    func checkGrowth(_ value: RuntimeValue) throws(EvaluationError) {
        guard case .value(let plain) = value else { return }
        switch plain {
        case .string(let text) where text.utf8.count > limits.maxStringLength:
            throw EvaluationError(
                "evaluation built a string longer than \(limits.maxStringLength) bytes", isBudgetExceeded: true)
        case .bytes(let bytes) where bytes.count > limits.maxStringLength:
            throw EvaluationError(
                "evaluation built bytes longer than \(limits.maxStringLength)", isBudgetExceeded: true)
        case .list(let list) where list.count > limits.maxListLength:
            throw EvaluationError(
                "evaluation built a list longer than \(limits.maxListLength) elements", isBudgetExceeded: true)
        case .map(let map) where map.count > limits.maxListLength:
            throw EvaluationError(
                "evaluation built a map larger than \(limits.maxListLength) entries", isBudgetExceeded: true)
        default:
            return
        }
    }
}
