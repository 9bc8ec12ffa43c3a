/// The static type of an expression, as the checker infers it.
public indirect enum ExpressionType: Sendable, Hashable, CustomStringConvertible {
    /// A signed 64-bit integer.
    case int
    /// An unsigned 64-bit integer.
    case uint
    /// A 64-bit floating-point number.
    case double
    /// true or false.
    case bool
    /// Unicode text.
    case string
    /// A sequence of octets.
    case bytes
    /// The type of `null`.
    case null
    /// A point in time (`google.protobuf.Timestamp`).
    case timestamp
    /// A length of time (`google.protobuf.Duration`).
    case duration
    /// Any type, decided at run time.
    case dyn
    /// A list whose elements have the given type.
    case list(ExpressionType)
    /// A map with the given key and value types.
    case map(key: ExpressionType, value: ExpressionType)
    /// The type of a type value such as `int`; the payload is the type denoted.
    case type(ExpressionType)
    /// A value of the wrapped type or `null`, like CEL's wrapper types (`double?` for an optional number).
    case nullable(ExpressionType)
    /// A record with named fields, such as a table row.
    case record(RecordType)
    /// A type parameter in a generic function signature.
    case parameter(String)
    /// The type of an expression that failed to check; it matches anything to avoid cascading errors.
    case error

    /// The type's name as CEL writes it; a nullable type is written with a trailing `?`.
    public var description: String {
        switch self {
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .bool: "bool"
        case .string: "string"
        case .bytes: "bytes"
        case .null: "null_type"
        case .timestamp: "google.protobuf.Timestamp"
        case .duration: "google.protobuf.Duration"
        case .dyn: "dyn"
        case .list(let element): "list(\(element))"
        case .map(let key, let value): "map(\(key), \(value))"
        case .type(let denoted): "type(\(denoted))"
        case .nullable(let wrapped): "\(wrapped)?"
        case .record(let record): record.name
        case .parameter(let name): name
        case .error: "*error*"
        }
    }

    /// The name of the runtime type of values of this type, as `type(x)` reports it.
    var runtimeName: String {
        switch self {
        case .list: "list"
        case .map: "map"
        case .type: "type"
        case .nullable(let wrapped): wrapped.runtimeName
        case .record: "map"
        default: description
        }
    }

    /// The type with any nullable wrapper removed.
    public var nonNull: ExpressionType {
        if case .nullable(let wrapped) = self { return wrapped }
        return self
    }

    /// Whether the type is dyn or an error, which match anything.
    var isDynamic: Bool {
        switch self {
        case .dyn, .error: true
        default: false
        }
    }
}
