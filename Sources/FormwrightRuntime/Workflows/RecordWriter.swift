import FormwrightCore
import FormwrightDefinition
import FormwrightStorage

/// Record changes made inside a write transaction, with the workflow runs they start enqueued in
/// the same transaction: the one path by which the API, forms and workflow steps write records.
struct RecordWriter: Sendable {
    let app: AppDefinition
    let triggers: WorkflowTriggers
    /// Whether changes start workflow runs: true for people's writes, and for a workflow's own
    /// writes only when it says `retrigger: true`.
    let startsWorkflows: Bool

    init(app: AppDefinition, startsWorkflows: Bool = true) {
        self.app = app
        triggers = WorkflowTriggers(app: app)
        self.startsWorkflows = startsWorkflows
    }

    /// The same writer, starting workflows or not.
    func startingWorkflows(_ starts: Bool) -> RecordWriter {
        RecordWriter(app: app, triggers: triggers, startsWorkflows: starts)
    }

    private init(app: AppDefinition, triggers: WorkflowTriggers, startsWorkflows: Bool) {
        self.app = app
        self.triggers = triggers
        self.startsWorkflows = startsWorkflows
    }

    /// Inserts a record whose values passed the pipeline, after checking links and unique fields.
    func insert(table: TableDefinition, values: [String: Value], in transaction: any WriteTransaction, now: Timestamp) throws -> Result<
        StoredRecord, SubmissionRejected
    > {
        let errors = try RecordReferences(table: table).problems(values, in: transaction, excludingID: nil)
        guard errors.isEmpty else { return .failure(SubmissionRejected(errors)) }
        var posting: LedgerPosting?
        if let ledger = table.ledger {
            switch try LedgerPosting.check(ledger, values: values, app: app, in: transaction) {
            case .success(let checked): posting = checked
            case .failure(let rejection): return .failure(rejection)
            }
        }
        let record = try transaction.insert(table: table.name.value, fields: values, revision: app.revision, now: now)
        try posting?.apply(in: transaction, revision: app.revision, now: now)
        if startsWorkflows { try triggers.enqueue(.created, table: table, record: record, old: nil, in: transaction, now: now) }
        return .success(record)
    }

    /// Updates a record: the input goes through the pipeline against the stored record, then links and unique fields are checked.
    func update(
        table: TableDefinition, existing: StoredRecord, input: SubmissionInput, expectedVersion: Int64?, pipeline: SubmissionPipeline,
        in transaction: any WriteTransaction, context: EvaluationContext
    ) throws -> Result<StoredRecord, SubmissionRejected> {
        if table.ledger != nil { return .failure(SubmissionRejected([FieldError(field: "", problem: .ledgerEntryFixed)])) }
        let balances = input.values.keys.filter { table.isLedgerBalance($0, in: app) }.sorted()
        guard balances.isEmpty else { return .failure(SubmissionRejected(balances.map { FieldError(field: $0, problem: .ledgerBalance) })) }
        let values: [String: Value]
        switch pipeline.valuesForUpdate(table: table, input: input, existing: existing.fields, context: context) {
        case .success(let changed): values = changed
        case .failure(let rejection): return .failure(rejection)
        }
        let errors = try RecordReferences(table: table).problems(values, in: transaction, excludingID: existing.id)
        guard errors.isEmpty else { return .failure(SubmissionRejected(errors)) }
        let record = try transaction.update(
            table: table.name.value, id: existing.id, fields: values, expectedVersion: expectedVersion, revision: app.revision, now: context.now)
        if startsWorkflows { try triggers.enqueue(.updated, table: table, record: record, old: existing, in: transaction, now: context.now) }
        return .success(record)
    }

    /// Deletes a record; the runs of `deleted` workflows see it as it was. Ledger entries and
    /// ledger accounts are never deleted (`RuntimeError(.conflict)`).
    func delete(table: TableDefinition, id: String, expectedVersion: Int64?, in transaction: any WriteTransaction, now: Timestamp) throws {
        let name = table.name.value
        if table.ledger != nil {
            throw RuntimeError(.conflict, "records of table '\(name)' are ledger entries and cannot be deleted; record a new entry to correct one")
        }
        if app.tables.contains(where: { $0.ledger?.accounts.value == name }) {
            throw RuntimeError(.conflict, "records of table '\(name)' are ledger accounts and cannot be deleted: their balances would be lost")
        }
        let watched = startsWorkflows && app.workflows.contains { workflow in
            guard case .record(let trigger) = workflow.trigger else { return false }
            return trigger.change == .deleted && trigger.table.value == table.name.value
        }
        let existing = watched ? try transaction.record(table: table.name.value, id: id) : nil
        try transaction.delete(table: table.name.value, id: id, expectedVersion: expectedVersion)
        if let existing { try triggers.enqueue(.deleted, table: table, record: existing, old: nil, in: transaction, now: now) }
    }
}
