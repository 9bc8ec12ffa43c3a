import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions

/// One pass of the submission pipeline over one record: the values so far, the errors found, and
/// what the form's conditions decided for each field.
struct WriteRun {
    /// A real write refuses on any error; a draft (a live form being filled in) reports what it can.
    enum Mode {
        case write, draft
    }

    /// What a form's conditions decided for one field.
    struct FieldState {
        var visible = true
        var required = false
        var readOnly = false
    }

    let pipeline: SubmissionPipeline
    let table: TableDefinition
    let form: FormDefinition?
    let context: EvaluationContext
    let mode: Mode
    let tableExpressions: TableExpressions?
    let formExpressions: FormExpressions?
    /// The table's field names in order, and its fields' validators.
    let fieldNames: [String]
    let validators: [String: FieldValidator]
    /// Stored values by field name.
    var values: [String: Value] = [:]
    var errors: [FieldError] = []
    /// Condition results by field name (form fields only).
    var states: [String: FieldState] = [:]
    /// Conditions that could not be evaluated; they refuse the write only when nothing else did.
    var conditionErrors: [FieldError] = []

    init(pipeline: SubmissionPipeline, table: TableDefinition, form: FormDefinition?, context: EvaluationContext, mode: Mode) {
        self.pipeline = pipeline
        self.table = table
        self.form = form
        self.context = context
        self.mode = mode
        tableExpressions = pipeline.app.expressions.tables[table.name.value]
        formExpressions = form.flatMap { pipeline.app.expressions.forms[$0.name.value] }
        fieldNames = table.fields.map(\.name.value)
        validators = pipeline.validators[table.name.value] ?? [:]
    }

    /// The current values as expressions see them.
    func activation() -> RecordActivation {
        var fields: [String: Value] = [:]
        fields.reserveCapacity(table.fields.count)
        for field in table.fields {
            if let value = values[field.name.value], value != .null {
                fields[field.name.value] = pipeline.values.expressionValue(value, of: field)
            }
        }
        return RecordActivation(names: fieldNames, fields: fields, context: context)
    }

    func formField(_ name: String) -> FormField? {
        form?.fields.first { $0.name.value == name }
    }

    /// Evaluates a program for a field's value and converts the result to the stored form.
    func evaluateValue(_ program: Program, for field: FieldDefinition, key: String, in activation: RecordActivation) -> Result<Value, FieldError> {
        let name = field.name.value
        switch program.evaluate(activation) {
        case .failure(let error):
            return .failure(FieldError(field: name, problem: .expressionFailed("'\(key)' of '\(name)': \(error.message)")))
        case .success(let result):
            switch pipeline.values.storedValue(result, of: field) {
            case .success(let stored): return .success(stored)
            case .failure(let failure):
                return .failure(FieldError(field: name, problem: .expressionFailed("'\(key)' of '\(name)': \(failure.reason)")))
            }
        }
    }

    /// Step 3: defaults for fields not given, literal ones first, then `=` ones.
    mutating func applyDefaults(skipping given: Set<String>) {
        var pending: [(FieldDefinition, Program)] = []
        for field in table.fields where field.compute == nil && !given.contains(field.name.value) {
            let name = field.name.value
            guard errors.allSatisfy({ $0.field != name }) else { continue }
            let fallback = formField(name)?.defaultValue ?? field.defaultValue
            switch fallback?.value {
            case .literal(let value)?:
                values[name] = value
            case .expression?:
                let program = formField(name)?.defaultValue != nil ? formExpressions?.defaults[name] : tableExpressions?.defaults[name]
                if let program { pending.append((field, program)) }
            case nil:
                break
            }
        }
        guard !pending.isEmpty else { return }
        let scope = activation()
        for (field, program) in pending {
            switch evaluateValue(program, for: field, key: "default", in: scope) {
            case .success(let value): values[field.name.value] = value
            case .failure(let error): if mode == .write { errors.append(error) }
            }
        }
    }

    /// Step 4: the form's conditions, evaluated once on the values so far.
    mutating func applyConditions(given: Set<String>) {
        guard let form else { return }
        let hasConditions = formExpressions.map { !$0.visibleIf.isEmpty || !$0.requiredIf.isEmpty || !$0.readOnlyIf.isEmpty } ?? false
        let scope = hasConditions ? activation() : RecordActivation(names: [], fields: [:], context: context)
        for entry in form.fields {
            let name = entry.name.value
            var state = FieldState()
            state.visible = condition(formExpressions?.visibleIf[name], key: "visible_if", field: name, in: scope) ?? true
            state.readOnly = entry.isReadOnly ?? false
            if condition(formExpressions?.readOnlyIf[name], key: "readonly_if", field: name, in: scope) == true { state.readOnly = true }
            let tableRequired = table.field(named: name)?.isRequired ?? false
            let requiredIf = condition(formExpressions?.requiredIf[name], key: "required_if", field: name, in: scope) ?? false
            state.required = tableRequired || (state.visible && ((entry.isRequired ?? false) || requiredIf))
            if !state.visible {
                values[name] = nil
            } else if state.readOnly, given.contains(name), let sent = values[name], sent != .null, sent != defaultValue(of: name) {
                errors.append(FieldError(field: name, problem: .readOnly))
            }
            states[name] = state
        }
    }

    /// The literal default of a form field, for telling a resent default from a change.
    private func defaultValue(of name: String) -> Value? {
        if case .literal(let value)? = (formField(name)?.defaultValue ?? table.field(named: name)?.defaultValue)?.value { return value }
        return nil
    }

    private mutating func condition(_ program: Program?, key: String, field: String, in scope: RecordActivation) -> Bool? {
        guard let program else { return nil }
        switch program.evaluate(scope) {
        case .success(.bool(let result)):
            return result
        case .success(let other):
            conditionErrors.append(FieldError(field: field, problem: .expressionFailed("'\(key)' gave \(other.kindName), not true or false")))
        case .failure(let error):
            conditionErrors.append(FieldError(field: field, problem: .expressionFailed("'\(key)': \(error.message)")))
        }
        return nil
    }

    /// Step 5: required fields and each field's own constraints.
    mutating func checkRequiredAndConstraints() {
        for field in table.fields where field.compute == nil {
            let name = field.name.value
            guard errors.allSatisfy({ $0.field != name }) else { continue }
            let required = states[name]?.required ?? field.isRequired
            guard let value = values[name], value != .null else {
                if required { errors.append(FieldError(field: name, problem: .required)) }
                continue
            }
            if let problem = validators[name]?.problem(with: value) {
                errors.append(FieldError(field: name, problem: problem))
            }
        }
        if errors.isEmpty, mode == .write { errors.append(contentsOf: conditionErrors) }
    }

    /// Step 6: computed fields, each after those it reads, each stored only if its field accepts it.
    ///
    /// - Parameter reportingErrors: false for a preview, which fills in what it can and reports nothing.
    mutating func compute(reportingErrors: Bool = true) {
        let reporting = reportingErrors && mode == .write
        guard let computed = tableExpressions?.computed, !computed.isEmpty else { return }
        // One activation for the whole pass, each computed value added as it is worked out.
        var scope = activation()
        for (name, program) in computed {
            guard let field = table.fields.first(where: { $0.name.value == name }) else { continue }
            scope.fields[name] = nil
            switch evaluateValue(program, for: field, key: "compute", in: scope) {
            case .success(let value):
                if value != Value.null, let problem = validators[name]?.problem(with: value) {
                    if reporting {
                        errors.append(FieldError(field: name, problem: .expressionFailed("computed '\(name)': \(problem.message(for: ["en"]))")))
                    }
                    values[name] = nil
                } else {
                    values[name] = value
                    if value != .null { scope.fields[name] = pipeline.values.expressionValue(value, of: field) }
                }
            case .failure(let error):
                values[name] = nil
                if reporting { errors.append(error) }
            }
        }
    }

    /// Whether a form condition reads a computed field, so computed values must be previewed before conditions.
    var conditionsReadComputedFields: Bool {
        guard let formExpressions, let computed = tableExpressions?.computed, !computed.isEmpty else { return false }
        let names = Set(computed.map(\.field))
        let conditions = Array(formExpressions.visibleIf.values) + Array(formExpressions.requiredIf.values) + Array(formExpressions.readOnlyIf.values)
        return conditions.contains { program in
            let read = program.checked?.referencedNames ?? []
            return names.contains { read.contains($0) || read.contains("record.\($0)") }
        }
    }

    /// Step 7: the table's rules, then the form's, on the complete record.
    mutating func checkRules() {
        let rules = (tableExpressions?.rules ?? []) + (formExpressions?.rules ?? [])
        guard !rules.isEmpty else { return }
        let scope = activation()
        for rule in rules {
            switch rule.check.evaluate(scope) {
            case .success(.bool(true)):
                continue
            case .success(.bool(false)):
                errors.append(FieldError(field: "", problem: .ruleFailed(Self.render(rule.message, in: scope))))
            case .success(let other):
                if mode == .write {
                    errors.append(FieldError(field: "", problem: .expressionFailed("a rule gave \(other.kindName), not true or false")))
                }
            case .failure(let error):
                if mode == .write {
                    errors.append(FieldError(field: "", problem: .expressionFailed("rule '\(rule.rule.check.text)': \(error.message)")))
                }
            }
        }
    }

    /// A rule's message with its holes filled in; a hole that cannot be evaluated is shown as written.
    static func render(_ message: CompiledMessage, in scope: RecordActivation) -> LocalizedText {
        let translations = message.translations.map { translation in
            let text = translation.pieces.map { piece in
                switch piece {
                case .text(let text): return text
                case .hole(let program, let written):
                    guard case .success(let value) = program.evaluate(scope) else { return written }
                    return ValueText.display(value)
                }
            }.joined()
            return (locale: translation.locale, text: text)
        }
        return LocalizedText(translations: translations)
    }
}
