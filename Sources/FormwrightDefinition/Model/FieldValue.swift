public import FormwrightCore

/// A value slot that holds plain data, or a computed value when written with a leading `=`.
public enum FieldValue: Sendable, Hashable {
    /// Plain data, already typed by the field it belongs to.
    case literal(Value)
    /// A CEL expression, computed when the value is needed.
    case expression(ExpressionSource)
}
