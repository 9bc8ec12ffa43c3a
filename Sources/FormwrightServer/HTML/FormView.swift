import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime

/// The view of one form: a widget per field by type, the person's input kept, errors beside fields.
struct FormView {
    let form: FormDefinition
    let table: TableDefinition
    let locales: [String]
    /// Records a link field may point to, by field name: (id, label).
    let linkChoices: [String: [(id: String, label: String)]]
    /// Where the page's script asks for the form's live state.
    let evaluateURL: String

    /// The template values; `input` holds what the person typed, `errors` what was wrong with it.
    func values(action: String, csrf: String, input: [String: [String]], errors: [FieldError]) -> [String: Any] {
        let words = PageWords(language: PageChrome.language(for: locales))
        var values: [String: Any] = [
            "title": (form.title ?? table.label)?.resolve(for: locales) ?? form.name.value,
            "action": action, "csrf": csrf,
            "submitLabel": form.submitLabel?.resolve(for: locales) ?? words.submit,
            "fields": form.fields.compactMap { entry in table.field(named: entry.name.value).map { widget($0, entry, input, errors) } },
        ]
        if let description = form.description?.resolve(for: locales) { values["description"] = description }
        if !errors.isEmpty {
            values["hasErrors"] = true
            let ruleMessages = errors.filter { $0.field.isEmpty }.map { $0.problem.message(for: locales) }
            values["errorSummary"] = ruleMessages.isEmpty ? [words.fixErrors] : ruleMessages
        }
        values["evaluateURL"] = evaluateURL
        return values
    }

    private func widget(_ field: FieldDefinition, _ entry: FormField, _ input: [String: [String]], _ errors: [FieldError]) -> [String: Any] {
        let name = field.name.value
        var widget: [String: Any] = [
            "name": name,
            "label": (entry.label ?? field.label)?.resolve(for: locales) ?? name,
        ]
        if entry.isRequired ?? field.isRequired { widget["required"] = true }
        if field.compute != nil || (entry.isReadOnly ?? field.isReadOnly) { widget["readonly"] = true }
        if let help = (entry.help ?? field.help)?.resolve(for: locales) { widget["help"] = help }
        if let placeholder = (entry.placeholder ?? field.placeholder)?.resolve(for: locales) { widget["placeholder"] = placeholder }
        if let error = errors.first(where: { $0.field == name }) { widget["error"] = error.problem.message(for: locales) }
        let given = input[name] ?? defaultText(field, entry)
        let value = given.last ?? ""
        if !value.isEmpty { widget["value"] = value }
        switch field.type {
        case .longtext:
            widget["isTextarea"] = true
            widget["rows"] = entry.rows ?? 4
        case .choice, .link:
            widget["isSelect"] = true
            widget["options"] = choices(field).map { option in
                ["value": option.value, "label": option.label, "selected": option.value == value] as [String: Any]
            }
        case .multichoice:
            widget["isCheckboxes"] = true
            widget["options"] = choices(field).map { option in
                ["name": name, "value": option.value, "label": option.label, "selected": given.contains(option.value)] as [String: Any]
            }
        case .boolean:
            widget["isCheckbox"] = true
            widget["checked"] = value == "true"
        default:
            widget["isInput"] = true
            widget["inputType"] = inputType(field.type)
            switch field.type {
            case .integer: widget["step"] = "1"
            case .number: widget["step"] = "any"
            case .money: widget["inputMode"] = "decimal"
            default: break
            }
        }
        return widget
    }

    private func choices(_ field: FieldDefinition) -> [(value: String, label: String)] {
        if field.type == .link { return (linkChoices[field.name.value] ?? []).map { ($0.id, $0.label) } }
        return field.options.map { ($0.value, $0.label?.resolve(for: locales) ?? $0.value) }
    }

    private func inputType(_ type: FieldType) -> String {
        switch type {
        case .email: "email"
        case .phone: "tel"
        case .url: "url"
        case .integer, .number: "number"
        case .date: "date"
        case .datetime: "datetime-local"
        default: "text"
        }
    }

    private func defaultText(_ field: FieldDefinition, _ entry: FormField) -> [String] {
        guard case .literal(let value)? = (entry.defaultValue ?? field.defaultValue)?.value else { return [] }
        if case .list(let items) = value { return items.compactMap { if case .string(let text) = $0 { text } else { nil } } }
        let text = RecordPresenter(table: table).text(value, of: field)
        return text.isEmpty ? [] : [text]
    }
}
