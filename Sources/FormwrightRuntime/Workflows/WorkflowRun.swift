public import FormwrightCore
public import FormwrightDefinition

/// Where one run of a workflow stands: what started it and what its steps gave so far. It is
/// the payload of the run's job, as JSON text, so a run resumes where it stood after a restart.
///
/// ```json
/// {"workflow": "score_sentiment", "change": "created", "table": "conversations", "record_id": "…",
///  "revision": "…", "record": {"map": […]}, "old": null, "step": 1, "outputs": {"map": […]}}
/// ```
///
/// `record` and `old` are the records as workflow expressions see them (fields plus `id`,
/// `version`, `created_at`, `updated_at`); `outputs` holds each finished step's outputs by step
/// id; `step` is the index of the next step to run. Values are written with ``PayloadValue`` so
/// they read back with their exact types.
public struct WorkflowRun: Sendable, Hashable {
    /// The workflow's name.
    public var workflow: String
    /// The change that started the run.
    public var change: RecordTrigger.Change
    /// The triggering record's table.
    public var table: String
    /// The triggering record's id.
    public var recordID: String
    /// The definition revision the run started under and runs to its end.
    public var revision: String
    /// The triggering record after the change (as it was, for `deleted`).
    public var record: Value
    /// The record before the change, on `updated`; null otherwise.
    public var old: Value
    /// The index of the next step to run.
    public var step: Int
    /// The outputs of the steps that ran, by step id; a skipped step has none.
    public var outputs: ValueMap
    /// Why the trigger's `when` could not be evaluated; such a run fails at once with it.
    public var triggerError: String?

    /// Creates a run at its first step.
    public init(workflow: String, change: RecordTrigger.Change, table: String, recordID: String, revision: String, record: Value, old: Value) {
        self.workflow = workflow
        self.change = change
        self.table = table
        self.recordID = recordID
        self.revision = revision
        self.record = record
        self.old = old
        step = 0
        outputs = ValueMap()
        triggerError = nil
    }

    /// The run as a job payload.
    public var payload: String {
        var entries: [(Value, Value)] = [
            (.string("workflow"), .string(workflow)), (.string("change"), .string(change.rawValue)), (.string("table"), .string(table)),
            (.string("record_id"), .string(recordID)), (.string("revision"), .string(revision)),
            (.string("record"), PayloadValue.encode(record)), (.string("old"), PayloadValue.encode(old)),
            (.string("step"), .int(Int64(step))), (.string("outputs"), PayloadValue.encode(.map(outputs))),
        ]
        if let triggerError { entries.append((.string("trigger_error"), .string(triggerError))) }
        return JSONWriter.write(.map(ValueMap(entries)))
    }

    /// Reads a run from a job payload.
    /// - Throws: ``WorkflowError`` (`invalidPayload`) when the text is not a payload this type writes.
    public init(payload: String) throws(WorkflowError) {
        let invalid = WorkflowError(.invalidPayload, "the job's payload is not a workflow run")
        guard case .map(let map)? = try? JSONParser.parse(payload) else { throw invalid }
        func text(_ key: String) -> String? {
            if case .string(let value)? = map[.string(key)] { value } else { nil }
        }
        guard let workflow = text("workflow"), let change = text("change").flatMap(RecordTrigger.Change.init(rawValue:)),
            let table = text("table"), let recordID = text("record_id"), let revision = text("revision"),
            let record = map[.string("record")].flatMap(PayloadValue.decode), let old = map[.string("old")].flatMap(PayloadValue.decode),
            case .int(let step)? = map[.string("step")], let index = Int(exactly: step), index >= 0,
            case .map(let outputs)? = map[.string("outputs")].flatMap(PayloadValue.decode)
        else { throw invalid }
        self.init(workflow: workflow, change: change, table: table, recordID: recordID, revision: revision, record: record, old: old)
        self.step = index
        self.outputs = outputs
        triggerError = text("trigger_error")
    }
}
