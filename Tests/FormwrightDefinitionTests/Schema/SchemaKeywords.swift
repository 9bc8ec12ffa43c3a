import FormwrightCore

/// The assertion and applicator keywords of one schema object; `nil` (or empty) means absent.
struct SchemaKeywords {
    var types: [SchemaNode.JSONType]?
    var allowedValues: [Value]?
    var constant: Value?
    var properties: [(name: String, schema: SchemaNode)] = []
    var patternProperties: [(pattern: SchemaNode.Pattern, schema: SchemaNode)] = []
    var additionalProperties: SchemaNode?
    var propertyNames: SchemaNode?
    var required: [String] = []
    var minProperties: Int?
    var maxProperties: Int?
    var items: SchemaNode?
    var minItems: Int?
    var minimum: Double?
    var maximum: Double?
    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaNode.Pattern?
    var allOf: [SchemaNode] = []
    var anyOf: [SchemaNode]?
    var oneOf: [SchemaNode]?
    var negated: SchemaNode?
    var condition: SchemaNode?
    var then: SchemaNode?
    var otherwise: SchemaNode?
    /// The name under `#/$defs/` that `$ref` points at.
    var reference: String?
}
