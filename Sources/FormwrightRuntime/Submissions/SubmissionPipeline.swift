public import FormwrightCore
public import FormwrightDefinition

/// The pure part of a write: refuse fields input may not name, read each value as its field's
/// type, fill defaults, apply the form's conditions, check every constraint that needs no other
/// record, compute computed fields and check rules. Every problem is collected, so a person sees
/// all of them at once.
///
/// The order, for a new record:
/// 1. input naming unknown, read-only or computed fields is refused;
/// 2. each given value is read as its field's type;
/// 3. fields not given take their default: the form's, else the table's; literal defaults first,
///    then `=` defaults, which see the values so far and `now`;
/// 4. on a form, `visible_if`, `required_if` and `readonly_if` are evaluated on those values (and on
///    computed fields worked out from them, when a condition reads one): a
///    hidden field is neither required nor stored (whatever was sent for it is dropped) — unless
///    its table requires it, which a form cannot lift — and a field whose `readonly_if` holds
///    refuses a value different from its default;
/// 5. required fields must have a value, and each value must satisfy its field's constraints;
/// 6. when all is well so far, computed fields are computed in dependency order and stored;
/// 7. then the table's rules and the form's rules are checked on the complete record.
///
/// An expression that cannot be evaluated (an empty value where one is needed, a division by
/// zero) refuses the write with `.expressionFailed`; nothing is ever stored empty in its place.
public struct SubmissionPipeline: Sendable {
    /// The app whose tables are written.
    public let app: AppDefinition
    let validators: [String: [String: FieldValidator]]
    let values: ExpressionValues

    /// Prepares the pipeline for an app, compiling each field's checks once.
    public init(app: AppDefinition) {
        self.app = app
        var validators: [String: [String: FieldValidator]] = [:]
        for table in app.tables {
            validators[table.name.value] = Dictionary(uniqueKeysWithValues: table.fields.map { ($0.name.value, FieldValidator(field: $0)) })
        }
        self.validators = validators
        values = ExpressionValues(timezone: app.timezone)
    }

    /// The values of a new record, computed fields included, or every error found.
    /// - Parameters:
    ///   - table: the table written.
    ///   - form: the form submitted, when the input came through one; input may then name only its fields.
    ///   - input: what was sent.
    ///   - context: the time of the write and who makes it.
    public func valuesForCreate(
        table: TableDefinition, form: FormDefinition?, input: SubmissionInput, context: EvaluationContext = EvaluationContext()
    ) -> Result<[String: Value], SubmissionRejected> {
        let run = createRun(table: table, form: form, input: input, context: context, mode: .write)
        return run.errors.isEmpty ? .success(run.values) : .failure(SubmissionRejected(run.errors))
    }

    /// The changed values of an existing record (a partial update), with its computed fields recomputed, or every error found.
    /// - Parameters:
    ///   - table: the table written.
    ///   - input: the fields to change.
    ///   - existing: the record's stored fields before the change; computed fields and rules see them merged with the change.
    ///   - context: the time of the write and who makes it.
    public func valuesForUpdate(
        table: TableDefinition, input: SubmissionInput, existing: [String: Value] = [:], context: EvaluationContext = EvaluationContext()
    ) -> Result<[String: Value], SubmissionRejected> {
        var run = WriteRun(pipeline: self, table: table, form: nil, context: context, mode: .write)
        run.errors = refusedNames(table: table, form: nil, input: input)
        var changes: [String: Value] = [:]
        for (name, given) in input.values.sorted(by: { $0.key < $1.key }) where run.errors.allSatisfy({ $0.field != name }) {
            guard let field = table.field(named: name) else { continue }
            switch FieldCoercer(field: field, format: input.format).coerce(given) {
            case .failure(let problem):
                run.errors.append(FieldError(field: name, problem: problem))
            case .success(.null):
                if field.isRequired { run.errors.append(FieldError(field: name, problem: .required)) } else { changes[name] = .null }
            case .success(let value):
                if let problem = validators[table.name.value]?[name]?.problem(with: value) {
                    run.errors.append(FieldError(field: name, problem: problem))
                } else {
                    changes[name] = value
                }
            }
        }
        guard run.errors.isEmpty else { return .failure(SubmissionRejected(run.errors)) }
        run.values = existing.merging(changes) { _, new in new }
        run.compute()
        run.checkRules()
        guard run.errors.isEmpty else { return .failure(SubmissionRejected(run.errors)) }
        for (field, _) in app.expressions.tables[table.name.value]?.computed ?? [] { changes[field] = run.values[field] ?? .null }
        return .success(changes)
    }

    /// The values `fields` take in an existing record from their `=` defaults or computations, for
    /// a migration that adds them; a field whose expression fails or gives a refused value is left out.
    func filledValues(table: TableDefinition, existing: [String: Value], fields: Set<String>, context: EvaluationContext) -> [String: Value] {
        var run = WriteRun(pipeline: self, table: table, form: nil, context: context, mode: .write)
        run.values = existing.filter { $0.value != .null }
        run.applyDefaults(skipping: Set(table.fields.map(\.name.value)).subtracting(fields))
        run.compute(reportingErrors: false)
        var filled: [String: Value] = [:]
        for name in fields {
            guard let value = run.values[name], value != .null, run.errors.allSatisfy({ $0.field != name }) else { continue }
            guard validators[table.name.value]?[name]?.problem(with: value) == nil else { continue }
            filled[name] = value
        }
        return filled
    }

    /// Runs steps 1 to 7 for a new record.
    func createRun(table: TableDefinition, form: FormDefinition?, input: SubmissionInput, context: EvaluationContext, mode: WriteRun.Mode) -> WriteRun
    {
        var run = WriteRun(pipeline: self, table: table, form: form, context: context, mode: mode)
        run.errors = refusedNames(table: table, form: form, input: input)
        var given: Set<String> = []
        for field in table.fields where field.compute == nil {
            let name = field.name.value
            guard let sent = input.values[name], run.errors.allSatisfy({ $0.field != name }) else { continue }
            given.insert(name)
            switch FieldCoercer(field: field, format: input.format).coerce(sent) {
            case .success(let coerced): run.values[name] = coerced
            case .failure(let problem): run.errors.append(FieldError(field: name, problem: problem))
            }
        }
        run.applyDefaults(skipping: given)
        if run.conditionsReadComputedFields { run.compute(reportingErrors: false) }
        run.applyConditions(given: given)
        run.checkRequiredAndConstraints()
        if run.errors.isEmpty || mode == .draft { run.compute() }
        if run.errors.isEmpty || mode == .draft { run.checkRules() }
        run.values = run.values.filter { $0.value != .null }
        return run
    }

    /// Input names that are not fields (of the form, when there is one), or name read-only or computed fields.
    func refusedNames(table: TableDefinition, form: FormDefinition?, input: SubmissionInput) -> [FieldError] {
        let allowed = form.map { $0.fields.map(\.name.value) } ?? table.fields.map(\.name.value)
        var errors: [FieldError] = []
        for name in input.values.keys.sorted() {
            guard allowed.contains(name), let field = table.field(named: name) else {
                errors.append(FieldError(field: name, problem: .unknownField(suggestion: NameSuggester.suggestion(for: name, among: allowed))))
                continue
            }
            let formField = form?.fields.first { $0.name.value == name }
            if field.compute != nil {
                errors.append(FieldError(field: name, problem: .computed))
            } else if formField?.isReadOnly ?? field.isReadOnly {
                errors.append(FieldError(field: name, problem: .readOnly))
            }
        }
        return errors
    }
}
