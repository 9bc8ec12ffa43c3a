import FormwrightCore

/// A two-argument call whose overload the checker resolved.
final class BinaryCallNode: Interpretable {
    let body: @Sendable (RuntimeValue, RuntimeValue) throws(EvaluationError) -> RuntimeValue
    let first: any Interpretable
    let second: any Interpretable
    let grows: Bool
    let span: Range<Int>

    init(
        body: @escaping @Sendable (RuntimeValue, RuntimeValue) throws(EvaluationError) -> RuntimeValue,
        first: any Interpretable, second: any Interpretable, grows: Bool, span: Range<Int>
    ) {
        self.body = body
        self.first = first
        self.second = second
        self.grows = grows
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        let left = try first.evaluate(&state)
        let right = try second.evaluate(&state)
        let result: RuntimeValue
        do {
            result = try body(left, right)
        } catch {
            throw error.located(span)
        }
        if grows { try state.checkGrowth(result) }
        return result
    }
}
