import FormwrightCore

/// A table of the app: named fields and rules every record must satisfy.
public struct TableDefinition: Sendable {
    /// The table's name.
    public var name: Located<String>
    /// How people see the table.
    public var label: LocalizedText?
    /// What the table holds, for people.
    public var description: LocalizedText?
    /// The fields in the order written.
    public var fields: [FieldDefinition]
    /// Rules every record must satisfy.
    public var rules: [Rule]

    /// Creates a table.
    public init(name: Located<String>, label: LocalizedText?, description: LocalizedText?, fields: [FieldDefinition], rules: [Rule]) {
        self.name = name
        self.label = label
        self.description = description
        self.fields = fields
        self.rules = rules
    }

    /// The field with a name.
    public func field(named name: String) -> FieldDefinition? {
        fields.first { $0.name.value == name }
    }
}
