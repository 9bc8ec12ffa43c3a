import FormwrightCore

/// `a && b` and `a || b`: a decisive value on either side wins over an error on the other.
final class LogicalNode: Interpretable {
    let isAnd: Bool
    let first: any Interpretable
    let second: any Interpretable
    let span: Range<Int>

    init(isAnd: Bool, first: any Interpretable, second: any Interpretable, span: Range<Int>) {
        self.isAnd = isAnd
        self.first = first
        self.second = second
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        // The value that settles the result: false for `&&`, true for `||`.
        let decisive = !isAnd
        var pending: EvaluationError?
        do {
            let left = try first.evaluate(&state)
            if case .value(.bool(let flag)) = left {
                if flag == decisive { return .value(.bool(decisive)) }
            } else {
                pending = .noMatchingOverload(isAnd ? "_&&_" : "_||_", [left]).located(span)
            }
        } catch {
            if error.isBudgetExceeded { throw error }
            pending = error
        }
        let right = try second.evaluate(&state)
        if case .value(.bool(let flag)) = right {
            if flag == decisive { return .value(.bool(decisive)) }
            if let pending { throw pending }
            return .value(.bool(!decisive))
        }
        throw pending ?? EvaluationError.noMatchingOverload(isAnd ? "_&&_" : "_||_", [right]).located(span)
    }
}
