import FormwrightCore

/// Reads a variable, trying each candidate name in order (container resolution).
final class VariableNode: Interpretable {
    let candidates: [String]
    let fallbackType: String?
    let absentIsNull: Bool
    let span: Range<Int>

    init(candidates: [String], fallbackType: String?, absentIsNull: Bool, span: Range<Int>) {
        self.candidates = candidates
        self.fallbackType = fallbackType
        self.absentIsNull = absentIsNull
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        for name in candidates {
            if let value = state.activation.value(named: name) { return .value(value) }
        }
        if let fallbackType { return .type(fallbackType) }
        if absentIsNull { return .null }
        throw EvaluationError("no value bound to '\(candidates.last ?? "")'", range: span)
    }
}
