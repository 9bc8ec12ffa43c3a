import FormwrightCore

/// Checks what the parts of a decoded app say about each other: links point at tables, forms
/// name real fields, bounds are ordered, defaults satisfy their own field's constraints, and
/// forecasts and dashboards read fields of fitting types.
struct AppChecker {
    var context: DecodingContext
    let app: AppDefinition

    init(app: AppDefinition, context: DecodingContext) {
        self.app = app
        self.context = context
    }

    mutating func check() {
        let tableNames = app.tables.map(\.name.value)
        for table in app.tables {
            for field in table.fields {
                if let target = field.linkedTable, !tableNames.contains(target.value) {
                    let hint = NameSuggester.hint(for: target.value, among: tableNames)
                    context.error(.unknownTable, "link field '\(field.name.value)' points to unknown table '\(target.value)'\(hint)", at: target.range)
                }
                checkBounds(field)
                if case .literal(let value)? = field.defaultValue?.value, let range = field.defaultValue?.range {
                    checkDefault(value, at: range, of: field)
                }
            }
            if let ledger = table.ledger { checkLedger(ledger, of: table) }
        }
        for form in app.forms { checkForm(form, tableNames: tableNames) }
        for workflow in app.workflows { checkWrites(workflow) }
        for forecast in app.forecasts { checkForecast(forecast) }
        for dashboard in app.dashboards { checkDashboard(dashboard) }
    }

    private mutating func checkBounds(_ field: FieldDefinition) {
        if let minimum = field.minimum, let maximum = field.maximum, maximum.value.isLess(than: minimum.value) == true {
            context.error(.constraintConflict, "'min' of field '\(field.name.value)' is above its 'max'", at: minimum.range)
        }
        if let minimum = field.minimumLength, let maximum = field.maximumLength, minimum.value > maximum.value {
            context.error(.constraintConflict, "'min_length' of field '\(field.name.value)' is above its 'max_length'", at: minimum.range)
        }
    }

    /// Reports a default its own field would refuse.
    mutating func checkDefault(_ value: Value, at range: SourceRange, of field: FieldDefinition) {
        checkLiteral(value, at: range, of: field, as: "default", id: .defaultOutOfBounds)
    }

    /// Reports a value written in the file (a default, or a value a workflow step writes) that its field would refuse.
    ///
    /// - Parameters:
    ///   - value: the literal value.
    ///   - range: where it was written.
    ///   - field: the field it is for.
    ///   - what: what the value is, for messages: `default`, `value`.
    ///   - id: the diagnostic to report.
    mutating func checkLiteral(_ value: Value, at range: SourceRange, of field: FieldDefinition, as what: String, id: DefinitionDiagnosticID) {
        let name = field.name.value
        let options = field.options.map(\.value)
        var chosen: [String] = []
        if field.type == .choice, case .string(let text) = value { chosen = [text] }
        if field.type == .multichoice, case .list(let items) = value {
            chosen = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
        }
        for choice in chosen where !options.isEmpty && !options.contains(choice) {
            let hint = NameSuggester.hint(for: choice, among: options)
            context.error(id, "\(what) '\(choice)' is not one of the options of field '\(name)'\(hint)", at: range)
        }
        if let minimum = field.minimum, value.isLess(than: minimum.value) == true {
            context.error(id, "\(what) of field '\(name)' is below its 'min'", at: range)
        }
        if let maximum = field.maximum, maximum.value.isLess(than: value) == true {
            context.error(id, "\(what) of field '\(name)' is above its 'max'", at: range)
        }
        if case .string(let text) = value, field.type.isTextual {
            let length = text.unicodeScalars.count
            if let minimum = field.minimumLength, length < minimum.value {
                context.error(id, "\(what) of field '\(name)' is shorter than its 'min_length' of \(minimum.value)", at: range)
            }
            if let maximum = field.maximumLength, length > maximum.value {
                context.error(id, "\(what) of field '\(name)' is longer than its 'max_length' of \(maximum.value)", at: range)
            }
            if let pattern = field.pattern, let regex = try? LinearRegex(pattern.value), !regex.wholeMatch(text) {
                context.error(id, "\(what) of field '\(name)' does not match its 'pattern'", at: range)
            }
        }
    }

    /// Reports a literal value a workflow step writes that its field would refuse.
    private mutating func checkWrites(_ workflow: WorkflowDefinition) {
        guard case .record(let trigger) = workflow.trigger else { return }
        for step in workflow.steps {
            let write: (table: String, values: [FieldAssignment], creates: Bool)
            switch step.action {
            case .update(let values): write = (trigger.table.value, values, false)
            case .create(let record): write = (record.table.value, record.values, true)
            case .upsert(let record): write = (record.table.value, record.values, false)
            case .call, .fail: continue
            }
            guard let table = app.table(named: write.table) else { continue }
            checkLedgerWrite(table: table, values: write.values, creates: write.creates)
            for assignment in write.values {
                guard case .literal(let value) = assignment.value.value, let field = table.field(named: assignment.field.value) else { continue }
                checkLiteral(value, at: assignment.value.range, of: field, as: "value", id: .valueOutOfBounds)
            }
        }
    }

    private mutating func checkForm(_ form: FormDefinition, tableNames: [String]) {
        guard let table = app.table(named: form.table.value) else {
            let hint = NameSuggester.hint(for: form.table.value, among: tableNames)
            context.error(.unknownTable, "form '\(form.name.value)' names unknown table '\(form.table.value)'\(hint)", at: form.table.range)
            return
        }
        let fieldNames = table.fields.map(\.name.value)
        var seen: Set<String> = []
        for entry in form.fields {
            let name = entry.name.value
            guard let field = table.field(named: name) else {
                let hint = NameSuggester.hint(for: name, among: fieldNames)
                context.error(.unknownField, "unknown field '\(name)' in table '\(table.name.value)'\(hint)", at: entry.name.range)
                continue
            }
            if !seen.insert(name).inserted {
                context.error(.duplicateName, "field '\(name)' appears twice on form '\(form.name.value)'", at: entry.name.range)
            }
            if form.isPublic, field.type == .link {
                context.error(
                    .publicFormLink, "public form '\(form.name.value)' cannot hold link field '\(name)': anonymous people cannot look up records",
                    at: entry.name.range)
            }
            if entry.rows != nil, field.type != .longtext {
                context.error(.notApplicable, "'rows' applies only to longtext fields, not to \(field.type.rawValue) field '\(name)'", at: entry.name.range)
            }
            if entry.isRequired == false, field.isRequired {
                context.error(.constraintConflict, "field '\(name)' is required by its table; a form cannot make it optional", at: entry.name.range)
            }
            if case .literal(let value)? = entry.defaultValue?.value, let range = entry.defaultValue?.range {
                checkDefault(value, at: range, of: field)
            }
        }
    }
}
