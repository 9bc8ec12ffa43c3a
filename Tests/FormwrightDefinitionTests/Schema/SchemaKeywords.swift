import FormwrightCore

/// The assertion and applicator keywords of one schema object; `nil` (or empty) means the keyword is absent.
///
/// A class, so that `SchemaNode` and its keywords refer to each other through a reference rather than by value.
final class SchemaKeywords {
    /// Creates a schema object with no keywords, which accepts every value.
    init() {}

    /// `type`: the JSON types allowed.
    var types: [SchemaNode.JSONType]?
    /// `enum`: the values allowed.
    var allowedValues: [Value]?
    /// `const`: the one value allowed (`.null` is a value here, not absence).
    var constant: Value?
    /// `properties`: schemas for named members, in schema order.
    var properties: [(name: String, schema: SchemaNode)] = []
    /// `patternProperties`: schemas for members whose names match a pattern.
    var patternProperties: [(pattern: SchemaNode.Pattern, schema: SchemaNode)] = []
    /// `additionalProperties`: the schema for members matched by neither of the above.
    var additionalProperties: SchemaNode?
    /// `propertyNames`: the schema every member name must satisfy.
    var propertyNames: SchemaNode?
    /// `required`: names of members that must be present.
    var required: [String] = []
    /// `minProperties`: the fewest members an object may have.
    var minProperties: Int?
    /// `maxProperties`: the most members an object may have.
    var maxProperties: Int?
    /// `items`: the schema every array item must satisfy.
    var items: SchemaNode?
    /// `minItems`: the fewest items an array may have.
    var minItems: Int?
    /// `minimum`: the smallest number allowed, inclusive.
    var minimum: Double?
    /// `maximum`: the largest number allowed, inclusive.
    var maximum: Double?
    /// `minLength`: the fewest characters (Unicode scalars) a string may have.
    var minLength: Int?
    /// `maxLength`: the most characters (Unicode scalars) a string may have.
    var maxLength: Int?
    /// `pattern`: a regular expression a string must contain a match of.
    var pattern: SchemaNode.Pattern?
    /// `allOf`: schemas that must all hold.
    var allOf: [SchemaNode] = []
    /// `anyOf`: schemas of which at least one must hold.
    var anyOf: [SchemaNode]?
    /// `oneOf`: schemas of which exactly one must hold.
    var oneOf: [SchemaNode]?
    /// `not`: a schema that must not hold.
    var negated: SchemaNode?
    /// `if`: the condition choosing between `then` and `else`.
    var condition: SchemaNode?
    /// `then`: what must hold when `if` holds.
    var then: SchemaNode?
    /// `else`: what must hold when `if` does not.
    var otherwise: SchemaNode?
    /// `$ref`: the name under `#/$defs/` that the schema points at.
    var reference: String?
}
