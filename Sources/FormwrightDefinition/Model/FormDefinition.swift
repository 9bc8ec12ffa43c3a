/// A form people fill in to create a record in one table.
public struct FormDefinition: Sendable {
    /// The form's name, used in its URL.
    public var name: Located<String>
    /// The table records are created in.
    public var table: Located<String>
    /// The form's title.
    public var title: LocalizedText?
    /// Text shown above the fields.
    public var description: LocalizedText?
    /// The submit button's label.
    public var submitLabel: LocalizedText?
    /// Whether anyone may submit it without signing in.
    public var isPublic: Bool
    /// The fields shown, in order.
    public var fields: [FormField]
    /// Rules a submission must satisfy, on top of the table's.
    public var rules: [Rule]

    /// Creates a form.
    public init(
        name: Located<String>, table: Located<String>, title: LocalizedText?, description: LocalizedText?,
        submitLabel: LocalizedText?, isPublic: Bool, fields: [FormField], rules: [Rule]
    ) {
        self.name = name
        self.table = table
        self.title = title
        self.description = description
        self.submitLabel = submitLabel
        self.isPublic = isPublic
        self.fields = fields
        self.rules = rules
    }
}
