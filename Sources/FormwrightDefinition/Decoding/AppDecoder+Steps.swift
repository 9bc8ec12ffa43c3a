import FormwrightCore

/// What the steps of one workflow are decoded against.
struct StepPlace {
    /// The workflow's name, for messages.
    let workflow: String
    /// Its trigger, when it decoded.
    let trigger: RecordTrigger?
    /// The app's tables.
    let tables: [TableDefinition]
    /// The app's integrations.
    let integrations: [IntegrationDefinition]
    /// The workflow's retry policy, which a step's own `retry` starts from.
    let retry: RetryPolicy

    /// The triggering table.
    var triggerTable: TableDefinition? {
        trigger.flatMap { trigger in tables.first { $0.name.value == trigger.table.value } }
    }
}

extension AppDecoder {
    static let stepKeys = ["id", "when", "retry", "call", "with", "update", "create", "upsert", "values", "key", "fail"]

    mutating func decodeSteps(_ node: YAMLNode, in place: StepPlace) -> [WorkflowStep] {
        guard let items = node.items, !items.isEmpty else {
            context.wrongType("a non-empty list of steps, each with an 'id'", for: "steps", found: node)
            return []
        }
        var steps: [WorkflowStep] = []
        var ids: Set<String> = []
        for item in items {
            guard
                let reader = MappingReader(
                    item, subject: "a step of workflow '\(place.workflow)'", key: "steps", allowed: Self.stepKeys, required: ["id"], context: &context
                ),
                let idNode = reader["id"], let id = context.text(idNode, key: "id")
            else { continue }
            if let problem = NameRules.problem(with: id.value) {
                context.error(.invalidName, "step id '\(id.value)' \(problem); try '\(NameRules.suggestion(for: id.value))'", at: id.range)
                continue
            }
            guard ids.insert(id.value).inserted else {
                context.error(
                    .duplicateName, "step id '\(id.value)' is used twice in workflow '\(place.workflow)'; each step needs its own id", at: id.range)
                continue
            }
            guard let action = decodeAction(reader, id: id, place: place) else { continue }
            steps.append(
                WorkflowStep(
                    id: id, action: action, condition: reader["when"].flatMap { context.expression($0, key: "when") },
                    retry: reader["retry"].flatMap { decodeRetry($0, base: place.retry) }, range: item.range))
        }
        return steps
    }

    private mutating func decodeAction(_ reader: MappingReader, id: Located<String>, place: StepPlace) -> WorkflowAction? {
        let actions = reader.entries.filter { WorkflowAction.keywords.contains($0.key) }
        guard let first = actions.first else {
            context.error(.missingKey, "step '\(id.value)' needs one of 'call', 'update', 'create', 'upsert' or 'fail'", at: id.range)
            return nil
        }
        for extra in actions.dropFirst() {
            context.error(
                .constraintConflict, "step '\(id.value)' already does '\(first.key)'; put '\(extra.key)' in a step of its own", at: extra.keyRange)
        }
        let applicable: [(key: String, actions: [String], what: String)] = [
            ("with", ["call"], "'call' steps"), ("values", ["create", "upsert"], "'create' and 'upsert' steps"),
            ("key", ["upsert"], "'upsert' steps"),
        ]
        for rule in applicable where !rule.actions.contains(first.key) {
            if let entry = reader.entry(rule.key) {
                context.error(.notApplicable, "'\(rule.key)' applies only to \(rule.what), not to '\(first.key)' steps", at: entry.keyRange)
            }
        }
        guard actions.count == 1 else { return nil }
        switch first.key {
        case "call":
            return decodeCall(first.value, with: reader.entry("with"), id: id, place: place)
        case "update":
            guard let trigger = place.trigger, let table = place.triggerTable else { return nil }
            if trigger.change == .deleted {
                context.error(
                    .notApplicable, "step '\(id.value)' cannot update the triggering record: the workflow runs after it is deleted",
                    at: first.keyRange)
                return nil
            }
            return .update(values: assignments(first.value, key: "update", table: table))
        case "create", "upsert":
            guard let name = context.text(first.value, key: first.key) else { return nil }
            guard let table = place.tables.first(where: { $0.name.value == name.value }) else {
                let hint = NameSuggester.hint(for: name.value, among: place.tables.map(\.name.value))
                context.error(.unknownTable, "step '\(id.value)' names unknown table '\(name.value)'\(hint)", at: name.range)
                return nil
            }
            let values = reader["values"].map { assignments($0, key: "values", table: table) } ?? []
            guard first.key == "upsert" else { return .create(RecordWrite(table: name, values: values)) }
            return .upsert(RecordWrite(table: name, values: values, key: upsertKey(reader, id: id, table: table, values: values)))
        default:
            guard
                let fail = MappingReader(first.value, subject: "'fail'", key: "fail", allowed: ["message"], required: ["message"], context: &context),
                let node = fail["message"], let message = context.localized(node, key: "message")
            else { return nil }
            return .fail(message: message, sources: context.scalarSources(node))
        }
    }

    /// `call: integration` with its inputs under `with`, checked against the inputs it declares.
    private mutating func decodeCall(_ node: YAMLNode, with: YAMLNode.Entry?, id: Located<String>, place: StepPlace) -> WorkflowAction? {
        guard let name = context.text(node, key: "call") else { return nil }
        guard let integration = place.integrations.first(where: { $0.name.value == name.value }) else {
            let hint = NameSuggester.hint(for: name.value, among: place.integrations.map(\.name.value))
            context.error(.unknownIntegration, "step '\(id.value)' calls unknown integration '\(name.value)'\(hint)", at: name.range)
            return nil
        }
        var inputs: [(name: Located<String>, value: DataTemplate)] = []
        if let with, let entries = context.mapping(with.value, key: "with", expected: "a mapping of input names to values") {
            let declared = integration.inputs?.map(\.name.value)
            for entry in entries {
                let parameter = integration.inputs?.first { $0.name.value == entry.key }
                if let declared, parameter == nil {
                    let hint = NameSuggester.hint(for: entry.key, among: declared)
                    context.error(
                        .unknownInput,
                        "integration '\(name.value)' has no input '\(entry.key)'\(hint) (its inputs: \(declared.joined(separator: ", ")))",
                        at: entry.keyRange)
                    continue
                }
                inputs.append((Located(entry.key, at: entry.keyRange), inputValue(entry, type: parameter?.type)))
            }
        }
        for parameter in integration.inputs ?? [] where !inputs.contains(where: { $0.name.value == parameter.name.value }) {
            context.error(
                .missingInput, "step '\(id.value)' calls '\(name.value)' without its input '\(parameter.name.value)'; give it under 'with'",
                at: with?.keyRange ?? name.range)
        }
        return .call(integration: name, inputs: inputs)
    }

    /// An input's value: data typed by the declared type when there is one, or an `=` expression.
    private mutating func inputValue(_ entry: YAMLNode.Entry, type: IntegrationValueType?) -> DataTemplate {
        guard let fieldType = type?.fieldType else { return context.dataTemplate(entry.value) }
        var field = FieldDefinition(name: Located(entry.key, at: entry.keyRange), type: fieldType)
        field.isRequired = true
        guard let value = FieldValueDecoder(field: field).value(entry.value, key: entry.key, context: &context) else {
            return DataTemplate(.literal(.null), at: entry.value.range)
        }
        switch value.value {
        case .literal(let literal): return DataTemplate(.literal(literal), at: value.range)
        case .expression(let source): return DataTemplate(.expression(source), at: value.range)
        }
    }

    /// Field values of a table, typed by each field; unknown and computed fields are refused.
    private mutating func assignments(_ node: YAMLNode, key: String, table: TableDefinition) -> [FieldAssignment] {
        guard let entries = context.mapping(node, key: key, expected: "a mapping of field names to values") else { return [] }
        var result: [FieldAssignment] = []
        for entry in entries {
            guard let field = table.field(named: entry.key) else {
                let hint = NameSuggester.hint(for: entry.key, among: table.fields.map(\.name.value))
                context.error(.unknownField, "unknown field '\(entry.key)' in table '\(table.name.value)'\(hint)", at: entry.keyRange)
                continue
            }
            if field.compute != nil {
                context.error(
                    .computedFieldWrite,
                    "field '\(entry.key)' of table '\(table.name.value)' is computed, so a step cannot write it; it is recomputed on every write",
                    at: entry.keyRange)
                continue
            }
            guard let value = FieldValueDecoder(field: field).value(entry.value, key: entry.key, context: &context) else { continue }
            result.append(FieldAssignment(field: Located(entry.key, at: entry.keyRange), value: value))
        }
        return result
    }

    /// An upsert's `key`: one unique field or a list of them, each given in `values`.
    private mutating func upsertKey(_ reader: MappingReader, id: Located<String>, table: TableDefinition, values: [FieldAssignment]) -> [Located<
        String
    >] {
        guard let node = reader["key"] else {
            context.error(
                .missingKey, "upsert step '\(id.value)' needs a 'key': the unique field that finds the record to update, as in 'key: email'",
                at: id.range)
            return []
        }
        let names: [Located<String>]
        if let items = node.items {
            names = items.compactMap { context.text($0, key: "key") }
        } else {
            names = context.text(node, key: "key").map { [$0] } ?? []
        }
        var key: [Located<String>] = []
        for name in names {
            guard let field = table.field(named: name.value) else {
                let hint = NameSuggester.hint(for: name.value, among: table.fields.map(\.name.value))
                context.error(.unknownField, "unknown field '\(name.value)' in table '\(table.name.value)'\(hint)", at: name.range)
                continue
            }
            guard field.isUnique else {
                context.error(
                    .keyNotUnique,
                    "the key field '\(name.value)' of table '\(table.name.value)' is not unique, so it may find several records; "
                        + "mark it 'unique: true'",
                    at: name.range)
                continue
            }
            if !values.contains(where: { $0.field.value == name.value }) {
                context.error(.missingKey, "upsert step '\(id.value)' must give its key field '\(name.value)' under 'values'", at: name.range)
            }
            key.append(name)
        }
        return key
    }
}
