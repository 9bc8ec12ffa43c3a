public import FormwrightCore
public import FormwrightExpressions

/// One parameter of a template (`parameters:`): its type, default, label and check.
///
/// An app built on the template gives its value under `with:`; expressions read it as
/// `params.<name>`, a constant of the parameter's type.
public struct TemplateParameter: Sendable {
    /// What a parameter holds.
    public enum Kind: String, Sendable, CaseIterable {
        case text, integer, number, boolean, choice, list

        /// The expression type of its values: `list` is a list of text.
        public var expressionType: ExpressionType {
            switch self {
            case .text, .choice: .string
            case .integer: .int
            case .number: .double
            case .boolean: .bool
            case .list: .list(.string)
            }
        }

        /// What a value of this kind looks like, for messages.
        public var expectation: String {
            switch self {
            case .text: "text"
            case .integer: "a whole number"
            case .number: "a number"
            case .boolean: "true or false"
            case .choice: "one of the options"
            case .list: "a list of text"
            }
        }
    }

    /// The parameter's name.
    public var name: Located<String>
    /// What it holds.
    public var kind: Kind
    /// The options of a `choice`.
    public var options: [String]
    /// The value used when `with:` gives none; a parameter without one is required.
    public var defaultValue: Value?
    /// What people call it.
    public var label: LocalizedText?
    /// A condition on `value` the parameter's value must meet.
    public var check: ExpressionSource?
    /// The check, compiled; nil without a check or when it has errors.
    public var checkProgram: Program?

    /// Whether an app built on the template must give a value.
    public var isRequired: Bool { defaultValue == nil }

    /// A value of the right type used when a template is checked on its own and a required
    /// parameter has no default: empty text, zero, false, the first option or an empty list.
    public var placeholder: Value {
        switch kind {
        case .text: .string("")
        case .integer: .int(0)
        case .number: .double(0)
        case .boolean: .bool(false)
        case .choice: .string(options.first ?? "")
        case .list: .list([])
        }
    }
}
