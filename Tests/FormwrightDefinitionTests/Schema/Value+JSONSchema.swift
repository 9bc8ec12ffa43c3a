import FormwrightCore

/// How a `Value` looks through JSON Schema's eyes: its JSON type, its number, JSON equality and a short rendering.
extension Value {
    /// The JSON type of the value (`"integer"` for whole numbers), or its CEL kind when it has no JSON form.
    var jsonTypeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .uint: "integer"
        case .double(let number): number.isFinite && number.rounded() == number ? "integer" : "number"
        case .string: "string"
        case .list: "array"
        case .map: "object"
        case .bytes, .timestamp, .duration: kindName
        }
    }

    /// The value as a number, when it is one.
    var jsonNumber: Double? {
        switch self {
        case .int(let number): Double(number)
        case .uint(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    /// Whether the value is of the JSON Schema type `type`; `"integer"` also takes integral doubles and `"number"`
    /// takes every number.
    func isOfJSONType(_ type: SchemaNode.JSONType) -> Bool {
        switch (type, self) {
        case (.null, .null), (.boolean, .bool), (.string, .string), (.array, .list), (.object, .map): true
        case (.number, .int), (.number, .uint), (.number, .double): true
        case (.integer, .int), (.integer, .uint): true
        case (.integer, .double(let number)): number.isFinite && number.rounded() == number
        default: false
        }
    }

    /// JSON Schema equality: numbers compare by value (`1 == 1.0`), arrays item by item, objects key by key
    /// whatever their order.
    func jsonEquals(_ other: Value) -> Bool {
        if let left = jsonNumber, let right = other.jsonNumber { return left == right }
        switch (self, other) {
        case (.list(let left), .list(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.jsonEquals($1) }
        case (.map(let left), .map(let right)):
            guard left.count == right.count else { return false }
            return left.entries.allSatisfy { entry in right[entry.key].map { entry.value.jsonEquals($0) } ?? false }
        default:
            return self == other
        }
    }

    /// A short JSON-like rendering for messages: strings in single quotes, long lists and objects abbreviated.
    var briefDescription: String {
        switch self {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .int(let number): String(number)
        case .uint(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): "'\(text)'"
        case .list(let items): items.count <= 3 ? "[" + items.map(\.briefDescription).joined(separator: ", ") + "]" : "a list of \(items.count) items"
        case .map(let map): "an object with \(map.count) \(map.count == 1 ? "key" : "keys")"
        case .bytes, .timestamp, .duration: "a \(kindName) value"
        }
    }
}
