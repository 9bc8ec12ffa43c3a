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
    /// The table's former name (`renamed_from:`): a migration renames the stored table instead of
    /// creating a new one; once applied it does nothing.
    public var renamedFrom: Located<String>? = nil
    /// The table's `ledger:` key: its records are append-only entries moving an amount between
    /// the balances of two accounts.
    public var ledger: LedgerDefinition? = nil

    /// Creates a table.
    public init(name: Located<String>, label: LocalizedText?, description: LocalizedText?, fields: [FieldDefinition], rules: [Rule]) {
        self.name = name
        self.label = label
        self.description = description
        self.fields = fields
        self.rules = rules
    }

    /// Whether a field of this table is the balance of some table's ledger.
    public func isLedgerBalance(_ field: String, in app: AppDefinition) -> Bool {
        app.tables.contains { $0.ledger?.accounts.value == name.value && $0.ledger?.balance.value == field }
    }

    /// The field with a name.
    public func field(named name: String) -> FieldDefinition? {
        fields.first { $0.name.value == name }
    }
}
