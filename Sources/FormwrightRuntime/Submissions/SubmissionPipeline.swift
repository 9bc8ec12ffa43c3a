public import FormwrightCore
public import FormwrightDefinition

/// The pure part of a write: refuse fields input may not name, read each value as its field's
/// type, fill defaults, and check every constraint that needs no other record. Every problem is
/// collected, so a person sees all of them at once.
public struct SubmissionPipeline: Sendable {
    /// The app whose tables are written.
    public let app: AppDefinition
    private let validators: [String: [String: FieldValidator]]

    /// Prepares the pipeline for an app, compiling each field's checks once.
    public init(app: AppDefinition) {
        self.app = app
        var validators: [String: [String: FieldValidator]] = [:]
        for table in app.tables {
            validators[table.name.value] = Dictionary(uniqueKeysWithValues: table.fields.map { ($0.name.value, FieldValidator(field: $0)) })
        }
        self.validators = validators
    }

    /// The values of a new record, or every field error found.
    /// - Parameters:
    ///   - table: the table written.
    ///   - form: the form submitted, when the input came through one; input may then name only its fields.
    ///   - input: what was sent.
    public func valuesForCreate(table: TableDefinition, form: FormDefinition?, input: SubmissionInput) -> Result<[String: Value], SubmissionRejected> {
        var errors = refusedNames(table: table, form: form, input: input)
        var values: [String: Value] = [:]
        for field in table.fields where field.compute == nil {
            let name = field.name.value
            let formField = form?.fields.first { $0.name.value == name }
            var value = Value.null
            if let given = input.values[name], errors.allSatisfy({ $0.field != name }) {
                switch FieldCoercer(field: field, format: input.format).coerce(given) {
                case .success(let coerced): value = coerced
                case .failure(let problem):
                    errors.append(FieldError(field: name, problem: problem))
                    continue
                }
            }
            if value == .null, input.values[name] == nil, case .literal(let fallback)? = (formField?.defaultValue ?? field.defaultValue)?.value {
                value = fallback
            }
            let required = formField?.isRequired ?? field.isRequired
            if value == .null {
                if required { errors.append(FieldError(field: name, problem: .required)) }
                continue
            }
            if let problem = validators[table.name.value]?[name]?.problem(with: value) {
                errors.append(FieldError(field: name, problem: problem))
                continue
            }
            values[name] = value
        }
        return errors.isEmpty ? .success(values) : .failure(SubmissionRejected(errors))
    }

    /// The changed values of an existing record (a partial update), or every field error found.
    public func valuesForUpdate(table: TableDefinition, input: SubmissionInput) -> Result<[String: Value], SubmissionRejected> {
        var errors = refusedNames(table: table, form: nil, input: input)
        var values: [String: Value] = [:]
        for (name, given) in input.values.sorted(by: { $0.key < $1.key }) where errors.allSatisfy({ $0.field != name }) {
            guard let field = table.field(named: name) else { continue }
            switch FieldCoercer(field: field, format: input.format).coerce(given) {
            case .failure(let problem):
                errors.append(FieldError(field: name, problem: problem))
            case .success(.null):
                if field.isRequired { errors.append(FieldError(field: name, problem: .required)) } else { values[name] = .null }
            case .success(let value):
                if let problem = validators[table.name.value]?[name]?.problem(with: value) {
                    errors.append(FieldError(field: name, problem: problem))
                } else {
                    values[name] = value
                }
            }
        }
        return errors.isEmpty ? .success(values) : .failure(SubmissionRejected(errors))
    }

    /// Input names that are not fields (of the form, when there is one), or name read-only or computed fields.
    private func refusedNames(table: TableDefinition, form: FormDefinition?, input: SubmissionInput) -> [FieldError] {
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
