import FormwrightCore

/// `operand.field` on a map (or record), or `has(operand.field)`.
final class SelectNode: Interpretable {
    let operand: any Interpretable
    let field: String
    let testOnly: Bool
    let missingIsNull: Bool
    let span: Range<Int>

    init(operand: any Interpretable, field: String, testOnly: Bool, missingIsNull: Bool, span: Range<Int>) {
        self.operand = operand
        self.field = field
        self.testOnly = testOnly
        self.missingIsNull = missingIsNull
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        let container = try operand.evaluate(&state)
        return try Self.select(field, from: container, testOnly: testOnly, missingIsNull: missingIsNull, span: span)
    }

    static func select(
        _ field: String, from container: RuntimeValue, testOnly: Bool, missingIsNull: Bool, span: Range<Int>
    ) throws(EvaluationError) -> RuntimeValue {
        guard case .value(.map(let map)) = container else {
            throw EvaluationError("type '\(container.typeName)' has no fields; cannot select '\(field)'", range: span)
        }
        let found = map[.string(field)]
        if testOnly {
            if let found, missingIsNull, case .null = found { return .false }
            return .value(.bool(found != nil))
        }
        if let found { return .value(found) }
        if missingIsNull { return .null }
        throw EvaluationError("no such key: '\(field)'", range: span)
    }
}
