import FormwrightCore
import Foundation

/// One schema of a compiled JSON Schema document: `true`, `false`, or an object of keywords.
///
/// Only the keywords that the app schema uses are modelled; `SchemaCompiler` refuses any other, so nothing in a schema
/// goes unchecked.
enum SchemaNode {
    /// `true` accepts every value, `false` none.
    case boolean(Bool)
    /// A schema object; every keyword that is present must hold.
    case keywords(SchemaKeywords)

    /// The JSON Schema type names.
    enum JSONType: String, CaseIterable {
        case null, boolean, object, array, number, string, integer
    }

    /// A compiled regular expression together with its source text, for messages.
    struct Pattern {
        /// The pattern as written in the schema.
        var source: String
        /// The compiled expression, searched (not anchored), as JSON Schema specifies.
        var expression: NSRegularExpression

        /// Whether the pattern occurs anywhere in `text`.
        func matches(_ text: String) -> Bool {
            expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }
}
