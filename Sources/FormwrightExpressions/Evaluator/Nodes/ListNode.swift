import FormwrightCore

/// A list literal whose elements are computed.
final class ListNode: Interpretable {
    let elements: [any Interpretable]

    init(elements: [any Interpretable]) { self.elements = elements }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        for element in elements {
            guard case .value(let value) = try element.evaluate(&state) else {
                throw EvaluationError("type values cannot be stored in a list")
            }
            values.append(value)
        }
        return .value(.list(values))
    }
}
