public import FormwrightCore

/// A value during evaluation: a plain `Value`, or a type value such as `int` (CEL's `type`).
public enum RuntimeValue: Sendable, Hashable {
    /// A data value.
    case value(Value)
    /// A type value, named as CEL names runtime types (`int`, `list`, `google.protobuf.Timestamp`, …).
    case type(String)

    /// The name of the value's runtime type.
    public var typeName: String {
        switch self {
        case .value(let value): value.kindName
        case .type: "type"
        }
    }

    static let null = RuntimeValue.value(.null)
    static let `true` = RuntimeValue.value(.bool(true))
    static let `false` = RuntimeValue.value(.bool(false))
}
