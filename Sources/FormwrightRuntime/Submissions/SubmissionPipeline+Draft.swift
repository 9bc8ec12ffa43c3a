import FormwrightCore
public import FormwrightDefinition

extension SubmissionPipeline {
    /// Evaluates a form on a draft without writing: field states, computed values and errors.
    ///
    /// - Parameters:
    ///   - form: the form being filled in.
    ///   - table: its table.
    ///   - draft: what has been typed so far; fields not yet touched may be absent.
    ///   - context: the time and who is filling it in.
    public func evaluateDraft(form: FormDefinition, table: TableDefinition, draft: SubmissionInput, context: EvaluationContext) -> FormEvaluation {
        let run = createRun(table: table, form: form, input: draft, context: context, mode: .draft)
        let fields = form.fields.map { entry in
            let name = entry.name.value
            let state = run.states[name] ?? WriteRun.FieldState(visible: true, required: table.field(named: name)?.isRequired ?? false)
            let readOnly = state.readOnly || (table.field(named: name).map { $0.isReadOnly || $0.compute != nil } ?? false)
            return FormEvaluation.FieldState(name: name, isVisible: state.visible, isRequired: state.required, isReadOnly: readOnly)
        }
        var computed: [String: Value] = [:]
        let presenter = RecordPresenter(table: table)
        for field in table.fields where field.compute != nil {
            if let value = run.values[field.name.value], value != .null { computed[field.name.value] = presenter.display(value, of: field) }
        }
        return FormEvaluation(fields: fields, computed: computed, errors: run.errors)
    }
}
