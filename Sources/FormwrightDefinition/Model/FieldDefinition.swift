public import FormwrightCore

/// One field of a table: its type, constraints and how people see it.
public struct FieldDefinition: Sendable {
    /// The field's name: a column name and an expression variable.
    public var name: Located<String>
    /// The kind of value held.
    public var type: FieldType
    /// The label shown on forms; the name when absent.
    public var label: LocalizedText?
    /// Help shown under the widget.
    public var help: LocalizedText?
    /// Placeholder text inside an empty widget.
    public var placeholder: LocalizedText?
    /// Whether a value must be given.
    public var isRequired: Bool = false
    /// Whether no two records may share a value.
    public var isUnique: Bool = false
    /// Whether the store keeps an index on the field (`indexed: true`) so that filters and sorts
    /// on it are fast; a unique field has one already.
    public var isIndexed: Bool = false
    /// Whether input may not set it (computed fields are read-only too).
    public var isReadOnly: Bool = false
    /// The value used when none is given.
    public var defaultValue: Located<FieldValue>?
    /// The smallest allowed value (a number, or a date as text).
    public var minimum: Located<Value>?
    /// The largest allowed value.
    public var maximum: Located<Value>?
    /// The fewest characters allowed.
    public var minimumLength: Located<Int>?
    /// The most characters allowed.
    public var maximumLength: Located<Int>?
    /// A regular expression the whole value must match.
    public var pattern: Located<String>?
    /// The options of a choice field.
    public var options: [ChoiceOption] = []
    /// The table a link field points to.
    public var linkedTable: Located<String>?
    /// Decimal places of a money field.
    public var scale: Int = 2
    /// The expression computing the field on every write.
    public var compute: ExpressionSource?
    /// The field's former name (`renamed_from:`): a migration renames the stored field, keeping
    /// its values, instead of adding a new one; once applied it does nothing.
    public var renamedFrom: Located<String>?

    /// Creates a field with no options set.
    public init(name: Located<String>, type: FieldType) {
        self.name = name
        self.type = type
    }

    /// The label for a locale preference, falling back to the name.
    public func displayLabel(for locales: [String] = []) -> String {
        label?.resolve(for: locales) ?? name.value
    }
}
