import FormwrightCore

/// A dotted name resolved at run time: the longest bound prefix, then field selections on the rest.
final class QualifiedNode: Interpretable {
    let candidates: [(name: String, fields: [String])]
    let fallbackType: String?
    let testOnly: Bool
    let span: Range<Int>

    init(candidates: [(name: String, fields: [String])], fallbackType: String?, testOnly: Bool, span: Range<Int>) {
        self.candidates = candidates
        self.fallbackType = fallbackType
        self.testOnly = testOnly
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        for candidate in candidates {
            guard let bound = state.activation.value(named: candidate.name) else { continue }
            var current = RuntimeValue.value(bound)
            for (index, field) in candidate.fields.enumerated() {
                let last = index == candidate.fields.count - 1
                current = try SelectNode.select(field, from: current, testOnly: testOnly && last, missingIsNull: false, span: span)
            }
            return current
        }
        if let fallbackType { return .type(fallbackType) }
        throw EvaluationError("no value bound to '\(candidates.first?.name ?? "")'", range: span)
    }
}
