import FormwrightCore

final class ConditionalNode: Interpretable {
    let condition: any Interpretable
    let whenTrue: any Interpretable
    let whenFalse: any Interpretable
    let span: Range<Int>

    init(condition: any Interpretable, whenTrue: any Interpretable, whenFalse: any Interpretable, span: Range<Int>) {
        self.condition = condition
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        guard case .value(.bool(let flag)) = try condition.evaluate(&state) else {
            throw EvaluationError("the condition of '?:' is not a bool", range: span)
        }
        return flag ? try whenTrue.evaluate(&state) : try whenFalse.evaluate(&state)
    }
}
