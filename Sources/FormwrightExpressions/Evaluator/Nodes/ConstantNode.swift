import FormwrightCore

/// A value known when planning.
final class ConstantNode: Interpretable {
    let value: RuntimeValue

    init(_ value: RuntimeValue) { self.value = value }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        return value
    }
}
