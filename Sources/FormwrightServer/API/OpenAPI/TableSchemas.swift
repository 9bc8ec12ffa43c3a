import FormwrightCore
import FormwrightDefinition

/// The schemas of one table's records: `<Table>Record` as the API answers with it, and
/// `<Table>Input` for creating and changing one.
struct TableSchemas {
    let table: TableDefinition

    /// One flat object: `id`, every field by name (null when empty), `version`, `created_at` and `updated_at`.
    var record: Value {
        var properties: [(String, Value)] = [
            (
                "id",
                JSONSchema.object([
                    ("type", .string("string")), ("readOnly", .bool(true)), ("description", .string("The record's id: opaque, URL-safe.")),
                ])
            )
        ]
        properties += table.fields.map { ($0.name.value, FieldSchema(field: $0, table: table).schema(.record)) }
        properties += [
            (
                "version",
                JSONSchema.object([
                    ("type", .string("integer")), ("minimum", .int(1)), ("readOnly", .bool(true)),
                    ("description", .string("Counts the record's writes; send it back in 'If-Match' to change the record only if no one else has.")),
                ])
            ),
            ("created_at", timestamp("When the record was created, in UTC.")),
            ("updated_at", timestamp("When the record was last changed, in UTC.")),
        ]
        return JSONSchema.closedObject(
            properties, title: table.label?.resolve(for: ["en"]), description: tableDescription("A record of table '\(table.name.value)'."))
    }

    /// The fields input may set: neither computed nor read-only. None is required here, as a
    /// change (`PATCH`) names only the fields it changes; ``requiredOnCreate`` lists those a new
    /// record must be given.
    var input: Value {
        let properties = table.fields.filter(\.isWritable).map { ($0.name.value, FieldSchema(field: $0, table: table).schema(.input)) }
        return JSONSchema.closedObject(
            properties, required: [], title: table.label?.resolve(for: ["en"]),
            description: tableDescription("The fields of a record of table '\(table.name.value)' that input may set; any other name is refused."))
    }

    /// The fields a new record must be given: required and without a default.
    var requiredOnCreate: [String] {
        table.fields.filter { $0.isWritable && $0.isRequired && $0.defaultValue == nil }.map(\.name.value)
    }

    /// The submission of a form: only its fields that input may set.
    func submission(_ form: FormDefinition) -> Value {
        var properties: [(String, Value)] = []
        var required: [String] = []
        for entry in form.fields {
            guard let field = table.field(named: entry.name.value), field.compute == nil, !(entry.isReadOnly ?? field.isReadOnly) else { continue }
            var schema = FieldSchema(field: field, table: table).schema(.input)
            if case .map(var map) = schema {
                var notes = Self.conditions(entry)
                if !notes.isEmpty {
                    if case .string(let text)? = map[.string("description")] { notes.insert(text, at: 0) }
                    map[.string("description")] = .string(notes.joined(separator: " "))
                }
                if let label = entry.label?.resolve(for: ["en"]) { map[.string("title")] = .string(label) }
                schema = .map(map)
            }
            properties.append((field.name.value, schema))
            let hasDefault = (entry.defaultValue ?? field.defaultValue) != nil
            if !hasDefault && (field.isRequired || (entry.visibleIf == nil && entry.isRequired == true)) { required.append(field.name.value) }
        }
        let title = form.title?.resolve(for: ["en"]) ?? form.name.value
        return JSONSchema.closedObject(
            properties, required: required,
            description: "A submission of the form '\(title)', creating a record of table '\(table.name.value)'; a name not on the form is refused.")
    }

    /// The form's conditions on a field, in sentences.
    private static func conditions(_ entry: FormField) -> [String] {
        var notes: [String] = []
        if let visible = entry.visibleIf { notes.append("Shown only while `\(visible.text)`; a hidden field's value is dropped.") }
        if let required = entry.requiredIf { notes.append("Required while `\(required.text)`.") }
        if let readOnly = entry.readOnlyIf { notes.append("Read-only while `\(readOnly.text)`: a value other than its default is refused then.") }
        return notes
    }

    private func timestamp(_ description: String) -> Value {
        JSONSchema.object([
            ("type", .string("string")), ("format", .string("date-time")), ("readOnly", .bool(true)), ("description", .string(description)),
        ])
    }

    private func tableDescription(_ lead: String) -> String {
        ([lead] + [table.description?.resolve(for: ["en"])].compactMap { $0 }).joined(separator: " ")
    }
}
