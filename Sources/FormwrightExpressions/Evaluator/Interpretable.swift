/// A planned expression node that computes a value.
protocol Interpretable: Sendable {
    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue
}
