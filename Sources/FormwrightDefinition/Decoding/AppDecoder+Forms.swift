import FormwrightCore

extension AppDecoder {
    static let formKeys = ["table", "title", "description", "submit_label", "public", "fields", "rules"]
    static let formFieldKeys = [
        "label", "help", "placeholder", "rows", "required", "readonly", "default", "visible_if", "required_if", "readonly_if",
    ]

    mutating func decodeForms(_ node: YAMLNode, tables: [TableDefinition]) -> [FormDefinition] {
        guard let entries = context.mapping(node, key: "forms", expected: "a mapping of form names to forms") else { return [] }
        var forms: [FormDefinition] = []
        for entry in entries {
            guard checkName(entry, kind: "form", reservedApplies: false),
                let form = MappingReader(
                    entry.value, subject: "form '\(entry.key)'", key: entry.key, allowed: Self.formKeys, required: ["table", "fields"],
                    context: &context),
                let table = form["table"].flatMap({ context.text($0, key: "table") })
            else { continue }
            let tableDefinition = tables.first { $0.name.value == table.value }
            var fields: [FormField] = []
            if let fieldsNode = form["fields"] {
                if let items = fieldsNode.items, !items.isEmpty {
                    fields = items.compactMap { decodeFormField($0, form: entry.key, table: tableDefinition) }
                } else {
                    context.wrongType("a non-empty list of field names", for: "fields", found: fieldsNode)
                }
            }
            forms.append(
                FormDefinition(
                    name: Located(entry.key, at: entry.keyRange), table: table,
                    title: form["title"].flatMap { context.localized($0, key: "title") },
                    description: form["description"].flatMap { context.localized($0, key: "description") },
                    submitLabel: form["submit_label"].flatMap { context.localized($0, key: "submit_label") },
                    isPublic: form["public"].flatMap { context.bool($0, key: "public") } ?? false,
                    fields: fields,
                    rules: form["rules"].map { decodeRules($0, owner: "form '\(entry.key)'") } ?? []))
        }
        return forms
    }

    /// A form field: a name, or a one-key mapping from the name to its overrides.
    mutating func decodeFormField(_ node: YAMLNode, form: String, table: TableDefinition?) -> FormField? {
        if let name = node.scalar, !node.isEmptyPlainScalar {
            return FormField(name: Located(name, at: node.range))
        }
        guard let entries = node.entries, entries.count == 1, let entry = entries.first else {
            context.wrongType(
                "a field name, or one field name with its settings such as '- transcript: { rows: 6 }'", for: "fields", found: node)
            return nil
        }
        var field = FormField(name: Located(entry.key, at: entry.keyRange))
        if entry.value.isEmptyPlainScalar { return field }
        guard let overrides = MappingReader(
            entry.value, subject: "field '\(entry.key)' of form '\(form)'", key: entry.key, allowed: Self.formFieldKeys, context: &context)
        else { return field }
        field.label = overrides["label"].flatMap { context.localized($0, key: "label") }
        field.help = overrides["help"].flatMap { context.localized($0, key: "help") }
        field.placeholder = overrides["placeholder"].flatMap { context.localized($0, key: "placeholder") }
        field.rows = overrides["rows"].flatMap { context.integer($0, key: "rows", in: 1...50)?.value }
        field.isRequired = overrides["required"].flatMap { context.bool($0, key: "required") }
        field.isReadOnly = overrides["readonly"].flatMap { context.bool($0, key: "readonly") }
        if let defaultNode = overrides["default"], let tableField = table?.field(named: entry.key) {
            field.defaultValue = FieldValueDecoder(field: tableField).value(defaultNode, key: "default", context: &context)
        }
        field.visibleIf = conditional(overrides, "visible_if")
        field.requiredIf = conditional(overrides, "required_if")
        field.readOnlyIf = conditional(overrides, "readonly_if")
        return field
    }

    private mutating func conditional(_ overrides: MappingReader, _ key: String) -> ExpressionSource? {
        overrides[key].flatMap { context.expression($0, key: key) }
    }
}
