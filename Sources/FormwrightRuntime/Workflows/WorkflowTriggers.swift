import FormwrightCore
import FormwrightDefinition
import FormwrightStorage
import Foundation

/// Puts one run per matching workflow in the outbox, inside the transaction of the record change
/// that triggers it, so the run exists exactly when the change does.
///
/// A workflow matches when its trigger names the change and the table, and its `when` gives true
/// with `record`, `old` (on `updated`) and `now`. A `when` that cannot be evaluated still
/// enqueues the run, marked so that it fails at once with the error, rather than losing it
/// silently. The job's dedup key is `<table>:<record id>:<workflow>:<change>:<version>`, so a
/// write retried by the store enqueues each run at most once, and the runs of one record are
/// listed by the key prefix ``recordKeyPrefix(table:recordID:)``.
struct WorkflowTriggers: Sendable {
    /// The job kind workflow runs are queued under.
    static let jobKind = "workflow"

    /// The start of the dedup key of every run a record starts: `<table>:<record id>:`. Table
    /// names and record ids hold no `:`, so no other record's keys share it.
    static func recordKeyPrefix(table: String, recordID: String) -> String {
        "\(table):\(recordID):"
    }

    let app: AppDefinition
    let values: ExpressionValues
    let environment: Value

    init(app: AppDefinition) {
        self.app = app
        values = ExpressionValues(timezone: app.timezone)
        environment = WorkflowActivation.environmentValue(ProcessInfo.processInfo.environment)
    }

    /// Enqueues the runs a change starts; an update that changes no field starts none.
    /// - Parameters:
    ///   - change: what happened.
    ///   - table: the record's table.
    ///   - record: the record after the change (as it was, for `deleted`).
    ///   - old: the record before it, on `updated`.
    ///   - transaction: the change's transaction.
    ///   - now: the time of the change.
    func enqueue(
        _ change: RecordTrigger.Change, table: TableDefinition, record: StoredRecord, old: StoredRecord?, in transaction: any WriteTransaction,
        now: Timestamp
    ) throws {
        if change == .updated, let old, old.fields == record.fields { return }
        let matching = app.workflows.filter { workflow in
            guard case .record(let trigger) = workflow.trigger else { return false }
            return trigger.change == change && trigger.table.value == table.name.value
        }
        guard !matching.isEmpty else { return }
        let recordValue = WorkflowActivation.recordValue(record, table: table, values: values)
        let oldValue = old.map { WorkflowActivation.recordValue($0, table: table, values: values) } ?? .null
        for workflow in matching {
            let name = workflow.name.value
            var run = WorkflowRun(
                workflow: name, change: change, table: table.name.value, recordID: record.id, revision: app.revision, record: recordValue,
                old: oldValue)
            if let condition = app.expressions.workflows[name]?.trigger {
                let activation = WorkflowActivation(run: run, now: now, environment: environment)
                switch condition.evaluate(activation) {
                case .success(.bool(true)): break
                case .success: continue
                case .failure(let error): run.triggerError = "the trigger's 'when' could not be evaluated: \(error.message)"
                }
            }
            let job = NewJob(
                kind: Self.jobKind, name: name, dedupKey: Self.recordKeyPrefix(table: table.name.value, recordID: record.id) + "\(name):\(change.rawValue):\(record.version)", payload: run.payload,
                revision: app.revision, dueAt: now)
            _ = try transaction.enqueue(job, now: now)
        }
    }
}
