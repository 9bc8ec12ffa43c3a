/// Assignability, unification of type parameters and joins of types, for overload resolution.
struct TypeRelations {
    /// Type parameters bound while matching one overload.
    var bindings: [String: ExpressionType] = [:]

    /// Whether a value of type `argument` may be passed where `parameter` is expected, binding type parameters.
    mutating func accepts(_ parameter: ExpressionType, _ argument: ExpressionType) -> Bool {
        if argument.isDynamic || parameter.isDynamic { return true }
        switch (parameter, argument) {
        case (.parameter(let name), _):
            // The open element type of an empty literal matches anything and binds nothing.
            if name == Checker.unknown.description { return true }
            guard let bound = bindings[name] else {
                bindings[name] = argument
                return true
            }
            if bound.isDynamic { return true }
            if case .null = bound, argument.acceptsNull {
                bindings[name] = argument
                return true
            }
            return accepts(bound, argument)
        case (_, .parameter):
            return true
        case (.nullable(let wanted), .null):
            _ = wanted
            return true
        case (.nullable(let wanted), .nullable(let given)):
            return accepts(wanted, given)
        case (.nullable(let wanted), _):
            return accepts(wanted, argument)
        case (_, .nullable(let given)):
            return accepts(parameter, given)
        case (.list(let wanted), .list(let given)):
            return accepts(wanted, given)
        case (.map(let wantedKey, let wantedValue), .map(let givenKey, let givenValue)):
            return accepts(wantedKey, givenKey) && accepts(wantedValue, givenValue)
        case (.map(let wantedKey, let wantedValue), .record(let record)):
            return accepts(wantedKey, .string) && record.fields.values.allSatisfy { value in
                var copy = self
                return copy.accepts(wantedValue, value)
            }
        case (.type, .type):
            // Type values of any types compare with each other.
            return true
        case (.record(let wanted), .record(let given)):
            return wanted.name == given.name
        default:
            return parameter == argument
        }
    }

    /// A type with bound parameters replaced; unbound parameters become dyn.
    func substitute(_ type: ExpressionType, depth: Int = 0) -> ExpressionType {
        // Bindings cannot form cycles today; the depth bound keeps a future mistake from recursing forever.
        guard depth < 64 else { return .dyn }
        switch type {
        case .parameter(let name): return bindings[name].map { substitute($0, depth: depth + 1) } ?? .dyn
        case .list(let element): return .list(substitute(element, depth: depth + 1))
        case .map(let key, let value): return .map(key: substitute(key, depth: depth + 1), value: substitute(value, depth: depth + 1))
        case .type(let denoted): return .type(substitute(denoted, depth: depth + 1))
        case .nullable(let wrapped): return .nullable(substitute(wrapped, depth: depth + 1))
        default: return type
        }
    }

    /// The least type covering both, or nil when they only meet at dyn.
    static func join(_ first: ExpressionType, _ second: ExpressionType) -> ExpressionType? {
        if first == second { return first }
        if case .parameter = first { return second }
        if case .parameter = second { return first }
        if first == .error || second == .error { return .error }
        if first == .dyn || second == .dyn { return .dyn }
        switch (first, second) {
        case (.null, let other), (let other, .null):
            return other.acceptsNull ? other : (other.isPrimitive ? .nullable(other) : nil)
        case (.nullable(let wrapped), let other), (let other, .nullable(let wrapped)):
            return wrapped == other ? .nullable(wrapped) : nil
        case (.list(let a), .list(let b)):
            return .list(join(a, b) ?? .dyn)
        case (.map(let keyA, let valueA), .map(let keyB, let valueB)):
            return .map(key: join(keyA, keyB) ?? .dyn, value: join(valueA, valueB) ?? .dyn)
        default:
            return nil
        }
    }
}
