import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions
import FormwrightStorage

/// An `update`, `create` or `upsert` step's record change, made inside the transaction that also
/// records the step as done, so the record is written exactly once.
///
/// The step's values become input to the same pipeline as any write (types, constraints,
/// computed fields, rules, links, unique fields); a refused write fails the run with the
/// field errors and writes nothing. A step is a trusted writer: it may set `readonly` fields,
/// which forms and the API may not; computed fields stay refused.
struct StepRecordWrite: Sendable {
    /// What the write gave: the record as saved, or the pipeline's refusal.
    enum Outcome: Sendable {
        case saved(StoredRecord, TableDefinition)
        case rejected(SubmissionRejected)
        /// The write cannot be made (the triggering record is gone); the run fails with this message.
        case impossible(String)
    }

    let app: AppDefinition
    let pipeline: SubmissionPipeline
    let writer: RecordWriter
    let values: ExpressionValues

    /// The step's values as pipeline input (JSON form: money in whole units, date-times as RFC 3339 text).
    static func input(
        _ assignments: [(field: String, value: CompiledData)], table: TableDefinition, activation: WorkflowActivation, values: ExpressionValues
    ) -> Result<SubmissionInput, StepFailure> {
        var input: [String: Value] = [:]
        for assignment in assignments {
            guard let field = table.field(named: assignment.field) else { continue }
            let stored: Value
            switch assignment.value {
            case .literal(let value): stored = value
            default:
                switch DataEvaluation.evaluate(assignment.value, in: activation) {
                case .failure(let error): return .failure(StepFailure("the value of '\(assignment.field)' could not be computed: \(error.message)"))
                case .success(let result):
                    switch values.storedValue(result, of: field) {
                    case .success(let value): stored = value
                    case .failure(let failure): return .failure(StepFailure("the value of '\(assignment.field)' cannot be stored: \(failure.reason)"))
                    }
                }
            }
            switch (field.type, stored) {
            case (.money, _): input[assignment.field] = values.expressionValue(stored, of: field)
            case (.datetime, .timestamp(let time)): input[assignment.field] = .string(time.rfc3339)
            default: input[assignment.field] = stored
            }
        }
        return .success(SubmissionInput(values: input, format: .json))
    }

    /// Runs the write in `transaction`.
    func perform(
        _ action: WorkflowAction, input: SubmissionInput, run: WorkflowRun, in transaction: any WriteTransaction, context: EvaluationContext
    ) throws -> Outcome {
        switch action {
        case .update:
            guard let table = app.table(named: run.table)?.allowingReadOnlyWrites else { return .impossible("no table '\(run.table)'") }
            guard let existing = try transaction.record(table: table.name.value, id: run.recordID) else {
                return .impossible("record '\(run.recordID)' of table '\(table.name.value)' no longer exists")
            }
            return outcome(
                try writer.update(
                    table: table, existing: existing, input: input, expectedVersion: nil, pipeline: pipeline, in: transaction, context: context),
                table)
        case .create(let write):
            guard let table = app.table(named: write.table.value)?.allowingReadOnlyWrites else {
                return .impossible("no table '\(write.table.value)'")
            }
            return try create(table: table, input: input, in: transaction, context: context)
        case .upsert(let write):
            guard let table = app.table(named: write.table.value)?.allowingReadOnlyWrites else {
                return .impossible("no table '\(write.table.value)'")
            }
            var filters: [String: Value] = [:]
            for key in write.key {
                guard let field = table.field(named: key.value), let given = input.values[key.value],
                    case .success(let stored) = FieldCoercer(field: field, format: .json).coerce(given)
                else { return .rejected(SubmissionRejected([FieldError(field: key.value, problem: .required)])) }
                filters[key.value] = stored
            }
            guard let existing = try transaction.records(RecordQuery(table: table.name.value, filters: filters, limit: 1)).records.first else {
                return try create(table: table, input: input, in: transaction, context: context)
            }
            return outcome(
                try writer.update(
                    table: table, existing: existing, input: input, expectedVersion: nil, pipeline: pipeline, in: transaction, context: context),
                table)
        case .call, .fail:
            return .impossible("a '\(action.keyword)' step writes no record")
        }
    }

    private func create(table: TableDefinition, input: SubmissionInput, in transaction: any WriteTransaction, context: EvaluationContext) throws
        -> Outcome
    {
        switch pipeline.valuesForCreate(table: table, form: nil, input: input, context: context) {
        case .failure(let rejection): return .rejected(rejection)
        case .success(let values): return outcome(try writer.insert(table: table, values: values, in: transaction, now: context.now), table)
        }
    }

    private func outcome(_ result: Result<StoredRecord, SubmissionRejected>, _ table: TableDefinition) -> Outcome {
        switch result {
        case .success(let record): .saved(record, table)
        case .failure(let rejection): .rejected(rejection)
        }
    }
}
