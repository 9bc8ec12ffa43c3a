import FormwrightCore

/// A part that can only fail, such as a call to an unknown function; it fails when reached, so `||` and `&&` can still absorb it.
final class ErrorNode: Interpretable {
    let error: EvaluationError

    init(_ error: EvaluationError) { self.error = error }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue { throw error }
}
