import FormwrightCore

/// One operation of the document: what it does, what it takes and every answer it can give.
struct OpenAPIOperation {
    var operationID: String
    var summary: String
    var description: String? = nil
    var tag: String
    var parameters: [Value] = []
    /// The request body object.
    var body: Value? = nil
    /// The answers besides the errors: status code and response object.
    var responses: [(String, Value)]
    var errors: [OpenAPIErrorStatus]
    /// Whether a caller without a token may call it (a public form).
    var isAnonymousAllowed = false

    var json: Value {
        var answers = responses
        for error in errors.sorted(by: { $0.rawValue < $1.rawValue }) {
            answers.append((String(error.rawValue), JSONSchema.object([("$ref", .string("#/components/responses/\(error.name)"))])))
        }
        answers.sort { $0.0 < $1.0 }
        return JSONSchema.object([
            ("operationId", .string(operationID)), ("summary", .string(summary)), ("description", description.map(Value.string)),
            ("tags", JSONSchema.strings([tag])), ("parameters", parameters.isEmpty ? nil : .list(parameters)), ("requestBody", body),
            ("responses", .map(ValueMap(answers.map { (Value.string($0.0), $0.1) }))),
            ("security", isAnonymousAllowed ? .list([JSONSchema.object([]), JSONSchema.object([("bearer", .list([]))])]) : nil),
        ])
    }

    /// A query parameter.
    static func query(_ name: String, _ schema: Value, _ description: String) -> Value {
        JSONSchema.object([("name", .string(name)), ("in", .string("query")), ("description", .string(description)), ("schema", schema)])
    }

    /// A path parameter.
    static func path(_ name: String, _ description: String) -> Value {
        JSONSchema.object([
            ("name", .string(name)), ("in", .string("path")), ("required", .bool(true)), ("description", .string(description)),
            ("schema", JSONSchema.typed("string")),
        ])
    }

    /// A JSON body or answer of a schema.
    static func json(_ schema: Value, _ description: String, headers: [(String, Value)] = []) -> Value {
        JSONSchema.object([
            ("description", .string(description)),
            ("headers", headers.isEmpty ? nil : .map(ValueMap(headers.map { (Value.string($0.0), $0.1) }))),
            ("content", JSONSchema.object([("application/json", JSONSchema.object([("schema", schema)]))])),
        ])
    }

    /// A required JSON request body.
    static func jsonBody(_ schema: Value, _ description: String) -> Value {
        JSONSchema.object([
            ("description", .string(description)), ("required", .bool(true)),
            ("content", JSONSchema.object([("application/json", JSONSchema.object([("schema", schema)]))])),
        ])
    }
}
