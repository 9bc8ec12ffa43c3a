import FormwrightCore

/// A planned expression node that computes a value.
protocol Interpretable: Sendable {
    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue
}

extension EvaluationError {
    /// The same error, located at `span` unless it already has a location.
    func located(_ span: Range<Int>) -> EvaluationError {
        guard range == nil else { return self }
        var copy = self
        copy.range = span
        return copy
    }
}

final class ConstantNode: Interpretable {
    let value: RuntimeValue

    init(_ value: RuntimeValue) { self.value = value }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        return value
    }
}

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

final class LocalNode: Interpretable {
    let slot: Int

    init(slot: Int) { self.slot = slot }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        return state.locals[slot]
    }
}

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

final class ErrorNode: Interpretable {
    let error: EvaluationError

    init(_ error: EvaluationError) { self.error = error }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue { throw error }
}
