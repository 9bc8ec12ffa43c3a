/// A dynamic value: what a record field, a JSON document or an expression holds at run time.
///
/// The cases follow CEL's value types, so one value flows from storage through expressions to
/// responses without conversion. Equality here is structural (`.int(1) != .uint(1)`); CEL's
/// cross-numeric equality belongs to the expression layer.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([Value])
    case map(ValueMap)
    case timestamp(Timestamp)
    case duration(TimeSpan)

    /// The name of the value's kind, as CEL spells its type.
    public var kindName: String {
        switch self {
        case .null: "null_type"
        case .bool: "bool"
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .string: "string"
        case .bytes: "bytes"
        case .list: "list"
        case .map: "map"
        case .timestamp: "google.protobuf.Timestamp"
        case .duration: "google.protobuf.Duration"
        }
    }
}
