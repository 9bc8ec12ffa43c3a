public import FormwrightCore

extension AppRuntime {
    /// Evaluates a form on a draft for a live form, writing nothing; see `FormEvaluation` for the result and its JSON.
    ///
    /// - Parameters:
    ///   - formName: the form's name.
    ///   - draft: the values typed so far.
    ///   - user: who is filling it in, as `user` in expressions.
    /// - Throws: `RuntimeError(.notFound)` for an unknown form.
    public func evaluate(form formName: String, draft: SubmissionInput, user: Value = .map(ValueMap())) throws -> FormEvaluation {
        let form = try self.form(formName)
        let table = try self.table(form.table.value)
        return pipeline.evaluateDraft(form: form, table: table, draft: draft, context: EvaluationContext(now: .now, user: user))
    }
}
