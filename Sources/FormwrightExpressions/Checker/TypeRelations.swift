/// Assignability, unification of type parameters and joins of types, for overload resolution.
struct TypeRelations {
    /// Type parameters bound while matching one overload.
    var bindings: [String: ExpressionType] = [:]

    /// Whether a value of type `argument` may be passed where `parameter` is expected, binding type parameters.
    mutating func accepts(_ parameter: ExpressionType, _ argument: ExpressionType) -> Bool {
        if argument.isDynamic || parameter.isDynamic { return true }
        switch (parameter, argument) {
        case (.parameter(let name), _):
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
    func substitute(_ type: ExpressionType) -> ExpressionType {
        switch type {
        case .parameter(let name): bindings[name].map(substitute) ?? .dyn
        case .list(let element): .list(substitute(element))
        case .map(let key, let value): .map(key: substitute(key), value: substitute(value))
        case .type(let denoted): .type(substitute(denoted))
        case .nullable(let wrapped): .nullable(substitute(wrapped))
        default: type
        }
    }

    /// The least type covering both, or nil when they only meet at dyn.
    static func join(_ first: ExpressionType, _ second: ExpressionType) -> ExpressionType? {
        if first == second { return first }
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

extension ExpressionType {
    /// Whether null is a value of this type.
    var acceptsNull: Bool {
        switch self {
        case .nullable, .null, .dyn, .error: true
        default: false
        }
    }

    /// Whether the type is a scalar that a nullable wrapper can hold.
    var isPrimitive: Bool {
        switch self {
        case .int, .uint, .double, .bool, .string, .bytes, .timestamp, .duration: true
        default: false
        }
    }

    /// Whether the type is or contains dyn.
    var containsDynamic: Bool {
        switch self {
        case .dyn, .error, .parameter: true
        case .list(let element): element.containsDynamic
        case .map(let key, let value): key.containsDynamic || value.containsDynamic
        case .type(let denoted): denoted.containsDynamic
        case .nullable(let wrapped): wrapped.containsDynamic
        default: false
        }
    }
}
