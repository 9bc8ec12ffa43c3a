public import FormwrightCore

/// What someone sent: field values from a JSON body, or text from an HTML form post.
public struct SubmissionInput: Sendable {
    /// Where the values came from, which decides how text is read.
    public enum Format: Sendable {
        /// A JSON object: numbers are numbers, booleans are booleans, empty is `null`.
        case json
        /// An HTML form: every value is text (a list for multiple choices); an empty box is empty.
        case form
    }

    /// The values by field name.
    public var values: [String: Value]
    /// How to read them.
    public var format: Format

    /// Creates an input.
    public init(values: [String: Value], format: Format) {
        self.values = values
        self.format = format
    }
}
