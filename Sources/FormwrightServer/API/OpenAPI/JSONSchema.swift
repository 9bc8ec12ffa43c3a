import FormwrightCore

/// Builds the JSON values of an OpenAPI document: objects whose absent members are left out,
/// and the JSON Schema shapes the document repeats.
enum JSONSchema {
    /// An object of its members in order; a member whose value is nil is left out.
    static func object(_ members: [(String, Value?)]) -> Value {
        .map(ValueMap(members.compactMap { name, value in value.map { (Value.string(name), $0) } }))
    }

    /// A list of texts.
    static func strings(_ texts: [String]) -> Value {
        .list(texts.map(Value.string))
    }

    /// A reference to a schema of `components.schemas`.
    static func reference(_ name: String) -> Value {
        object([("$ref", .string("#/components/schemas/\(name)"))])
    }

    /// `{"type": type}` with a description when given.
    static func typed(_ type: String, _ description: String? = nil) -> Value {
        object([("type", .string(type)), ("description", description.map(Value.string))])
    }

    /// A list whose items follow a schema.
    static func array(of items: Value, _ description: String? = nil) -> Value {
        object([("type", .string("array")), ("items", items), ("description", description.map(Value.string))])
    }

    /// Either a schema's value or null.
    static func nullable(_ schema: Value) -> Value {
        object([("anyOf", .list([schema, typed("null")]))])
    }

    /// An object with exactly these properties, every one of them present unless `required` says otherwise.
    /// - Parameters:
    ///   - properties: the properties in order.
    ///   - required: the properties that must be present; all of them when nil.
    ///   - closed: whether other properties are refused (`additionalProperties: false`).
    ///   - title: a short name for people.
    ///   - description: what the object is, for people.
    static func closedObject(
        _ properties: [(String, Value)], required: [String]? = nil, closed: Bool = true, title: String? = nil, description: String? = nil
    ) -> Value {
        object([
            ("type", .string("object")), ("title", title.map(Value.string)), ("description", description.map(Value.string)),
            ("properties", .map(ValueMap(properties.map { (Value.string($0.0), $0.1) }))),
            ("required", (required ?? properties.map(\.0)).isEmpty ? nil : strings(required ?? properties.map(\.0))),
            ("additionalProperties", closed ? .bool(false) : nil),
        ])
    }
}
