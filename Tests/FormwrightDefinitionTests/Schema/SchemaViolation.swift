/// One way in which a document fails a JSON Schema: where, and why.
struct SchemaViolation: Equatable, CustomStringConvertible {
    /// The JSON pointer of the offending value in the document (`""` for the document itself), e.g.
    /// `/tables/customers/fields/name/requird`.
    var path: String
    /// What is wrong, in lower case without a trailing period, e.g. `unknown key 'requird'`.
    var message: String

    var description: String { "\(path.isEmpty ? "/" : path): \(message)" }
}
