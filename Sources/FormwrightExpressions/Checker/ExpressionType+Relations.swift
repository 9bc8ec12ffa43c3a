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

    /// Whether the type contains a type parameter.
    var containsParameter: Bool {
        switch self {
        case .parameter: true
        case .list(let element): element.containsParameter
        case .map(let key, let value): key.containsParameter || value.containsParameter
        case .type(let denoted): denoted.containsParameter
        case .nullable(let wrapped): wrapped.containsParameter
        default: false
        }
    }

    /// The type with every remaining type parameter replaced by dyn.
    var closingParameters: ExpressionType {
        switch self {
        case .parameter: .dyn
        case .list(let element): .list(element.closingParameters)
        case .map(let key, let value): .map(key: key.closingParameters, value: value.closingParameters)
        case .type(let denoted): .type(denoted.closingParameters)
        case .nullable(let wrapped): .nullable(wrapped.closingParameters)
        default: self
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
