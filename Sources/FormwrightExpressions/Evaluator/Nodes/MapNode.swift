import FormwrightCore

/// A map literal whose entries are computed; keys must be valid and distinct.
final class MapNode: Interpretable {
    let entries: [(key: any Interpretable, value: any Interpretable, span: Range<Int>)]

    init(entries: [(key: any Interpretable, value: any Interpretable, span: Range<Int>)]) { self.entries = entries }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        var map = ValueMap()
        for entry in entries {
            guard case .value(let key) = try entry.key.evaluate(&state), case .value(let value) = try entry.value.evaluate(&state) else {
                throw EvaluationError("type values cannot be stored in a map", range: entry.span)
            }
            guard ValueSemantics.isValidKey(key) else {
                throw EvaluationError("unsupported map key type '\(key.kindName)'", range: entry.span)
            }
            guard ValueSemantics.lookup(map, key) == nil else {
                throw EvaluationError("repeated map key \(ValueJSONRenderer.render(key))", range: entry.span)
            }
            map[key] = value
        }
        return .value(.map(map))
    }
}
