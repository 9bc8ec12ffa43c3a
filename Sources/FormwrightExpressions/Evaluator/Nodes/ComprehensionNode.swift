import FormwrightCore

/// The loop behind `all`, `exists`, `exists_one`, `map` and `filter`.
final class ComprehensionNode: Interpretable {
    let macro: ExpressionNode.Macro
    let range: any Interpretable
    let slot: Int
    let predicate: (any Interpretable)?
    let transform: (any Interpretable)?
    let span: Range<Int>

    init(
        macro: ExpressionNode.Macro, range: any Interpretable, slot: Int, predicate: (any Interpretable)?,
        transform: (any Interpretable)?, span: Range<Int>
    ) {
        self.macro = macro
        self.range = range
        self.slot = slot
        self.predicate = predicate
        self.transform = transform
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        let items: [Value]
        switch try range.evaluate(&state) {
        case .value(.list(let list)): items = list
        case .value(.map(let map)): items = map.keys
        case let other: throw EvaluationError("cannot iterate over a value of type '\(other.typeName)'", range: span)
        }
        switch macro {
        case .all, .exists: return try quantify(items, &state, decisive: macro == .exists)
        case .existsOne:
            var count = 0
            for item in items {
                try state.step()
                if try test(item, &state) { count += 1 }
            }
            return .value(.bool(count == 1))
        case .map, .filter:
            var results: [Value] = []
            for item in items {
                try state.step()
                if let predicate, macro == .filter || transform != nil {
                    state.locals[slot] = .value(item)
                    guard case .value(.bool(let keep)) = try predicate.evaluate(&state) else {
                        throw EvaluationError("the condition of \(macro.rawValue)() is not a bool", range: span)
                    }
                    if !keep { continue }
                }
                if macro == .filter {
                    results.append(item)
                } else if let transform {
                    state.locals[slot] = .value(item)
                    guard case .value(let mapped) = try transform.evaluate(&state) else {
                        throw EvaluationError("type values cannot be stored in a list", range: span)
                    }
                    results.append(mapped)
                }
                if results.count > state.limits.maxListLength { try state.checkGrowth(.value(.list(results))) }
            }
            return .value(.list(results))
        }
    }

    /// Binds the loop variable and evaluates the predicate, which must be a bool.
    func test(_ item: Value, _ state: inout EvaluationState) throws(EvaluationError) -> Bool {
        state.locals[slot] = .value(item)
        guard let predicate else { return false }
        guard case .value(.bool(let flag)) = try predicate.evaluate(&state) else {
            throw EvaluationError("the condition of \(macro.rawValue)() is not a bool", range: span)
        }
        return flag
    }

    /// `all` (decisive false) and `exists` (decisive true): a decisive result wins over errors.
    func quantify(_ items: [Value], _ state: inout EvaluationState, decisive: Bool) throws(EvaluationError) -> RuntimeValue {
        var pending: EvaluationError?
        for item in items {
            try state.step()
            do {
                if try test(item, &state) == decisive { return .value(.bool(decisive)) }
            } catch {
                if error.isBudgetExceeded { throw error }
                if pending == nil { pending = error }
            }
        }
        if let pending { throw pending }
        return .value(.bool(!decisive))
    }
}
