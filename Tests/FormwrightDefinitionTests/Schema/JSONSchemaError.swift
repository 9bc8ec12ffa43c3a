/// A problem in a JSON Schema document itself, found while compiling it for validation.
///
/// The validator refuses a schema it cannot check completely (an unknown keyword, a `$ref` that does not resolve, a
/// keyword with a value of the wrong shape), so that a schema can never rely on a rule the tests do not enforce.
struct JSONSchemaError: Error, CustomStringConvertible, Equatable {
    /// The JSON pointer, inside the schema document, of the schema object at fault.
    var schemaPath: String
    /// What is wrong, in lower case without a trailing period.
    var message: String

    var description: String { "\(schemaPath.isEmpty ? "/" : schemaPath): \(message)" }
}
