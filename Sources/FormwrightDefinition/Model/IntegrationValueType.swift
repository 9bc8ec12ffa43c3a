public import FormwrightExpressions

/// The type of an integration's declared input or output, named like the field types.
///
/// | written | in expressions | values |
/// |---|---|---|
/// | `text` | `string` | text |
/// | `integer` | `int` | a whole number |
/// | `number` | `double` | a number (an integer is accepted) |
/// | `boolean` | `bool` | true or false |
/// | `date` | `timestamp` | a day, sent as `YYYY-MM-DD` |
/// | `datetime` | `timestamp` | a moment, sent as RFC 3339 |
/// | `any` | `dyn` | anything JSON can hold, checked when used |
public enum IntegrationValueType: String, Sendable, Hashable, CaseIterable {
    case text, integer, number, boolean, date, datetime, any

    /// The type inside expressions.
    public var expressionType: ExpressionType {
        switch self {
        case .text: .string
        case .integer: .int
        case .number: .double
        case .boolean: .bool
        case .date, .datetime: .timestamp
        case .any: .dyn
        }
    }

    /// The field type whose literal values have the same form, for typing data written in the file; nil for `any`.
    var fieldType: FieldType? {
        switch self {
        case .text: .text
        case .integer: .integer
        case .number: .number
        case .boolean: .boolean
        case .date: .date
        case .datetime: .datetime
        case .any: nil
        }
    }
}
