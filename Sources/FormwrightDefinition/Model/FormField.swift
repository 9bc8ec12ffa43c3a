/// One entry of a form's ordered field list, with the form's overrides of the table field.
public struct FormField: Sendable {
    /// The table field shown.
    public var name: Located<String>
    /// A label for this form only.
    public var label: LocalizedText?
    /// Help for this form only.
    public var help: LocalizedText?
    /// A placeholder for this form only.
    public var placeholder: LocalizedText?
    /// Visible rows of a long text box.
    public var rows: Int?
    /// Required on this form even if optional in the table.
    public var isRequired: Bool?
    /// Shown but not editable on this form.
    public var isReadOnly: Bool?
    /// A default for this form only.
    public var defaultValue: Located<FieldValue>?
    /// Shown only while this condition holds.
    public var visibleIf: ExpressionSource?
    /// Required while this condition holds.
    public var requiredIf: ExpressionSource?
    /// Read-only while this condition holds.
    public var readOnlyIf: ExpressionSource?

    /// Creates an entry with no overrides.
    public init(name: Located<String>) {
        self.name = name
    }
}
