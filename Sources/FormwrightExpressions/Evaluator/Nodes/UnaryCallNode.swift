import FormwrightCore

/// A one-argument call whose overload the checker resolved.
final class UnaryCallNode: Interpretable {
    let body: @Sendable (RuntimeValue) throws(EvaluationError) -> RuntimeValue
    let argument: any Interpretable
    let span: Range<Int>

    init(body: @escaping @Sendable (RuntimeValue) throws(EvaluationError) -> RuntimeValue, argument: any Interpretable, span: Range<Int>) {
        self.body = body
        self.argument = argument
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        let value = try argument.evaluate(&state)
        do {
            return try body(value)
        } catch {
            throw error.located(span)
        }
    }
}
