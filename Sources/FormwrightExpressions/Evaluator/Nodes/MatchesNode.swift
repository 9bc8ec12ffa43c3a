import FormwrightCore

/// `text.matches('constant')` with the pattern compiled once, when the program is planned.
final class MatchesNode: Interpretable {
    let regex: LinearRegex
    let text: any Interpretable
    let span: Range<Int>

    init(regex: LinearRegex, text: any Interpretable, span: Range<Int>) {
        self.regex = regex
        self.text = text
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        let value = try text.evaluate(&state)
        guard case .value(.string(let subject)) = value else {
            throw EvaluationError.noMatchingOverload("matches", [value]).located(span)
        }
        return .value(.bool(regex.firstMatch(in: subject)))
    }
}
