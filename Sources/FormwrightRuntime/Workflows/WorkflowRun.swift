public import FormwrightCore
public import FormwrightDefinition

/// Where one run of a workflow stands: what started it and what its steps gave so far. It is
/// the payload of the run's job, as JSON text, so a run resumes where it stood after a restart.
///
/// ```json
/// {"workflow": "score_sentiment", "change": "created", "table": "conversations", "record_id": "…",
///  "revision": "…", "record": {"map": […]}, "old": null, "step": 1, "outputs": {"map": […]},
///  "history": {"dropped": 0, "attempts": [
///    {"step": "score", "try": 1, "started_at": "2026-11-29T10:00:00Z", "finished_at": "2026-11-29T10:00:01.5Z",
///     "outcome": "retrying", "error": "…", "next_try_at": "2026-11-29T10:00:03.5Z"},
///    {"step": "score", "try": 2, "started_at": "2026-11-29T10:00:04Z"}]}}
/// ```
///
/// `record` and `old` are the records as workflow expressions see them (fields plus `id`,
/// `version`, `created_at`, `updated_at`); `outputs` holds each finished step's outputs by step
/// id; `step` is the index of the next step to run. Values are written with ``PayloadValue`` so
/// they read back with their exact types.
///
/// `history` lists the run's step attempts oldest first (see ``StepAttempt``): step id, try
/// number, RFC 3339 start and end times, outcome (`succeeded`, `skipped`, `retrying`, `failed`),
/// error and, for `retrying`, when the next try is due. An attempt without an end started and
/// has not finished (a `call` step records its start before calling). Only the last
/// ``historyLimit`` attempts are kept; `dropped` counts the older ones let go. A payload written
/// before the history existed reads back with an empty one.
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
    /// The last step attempts, oldest first, at most ``historyLimit``.
    public var history: [StepAttempt]
    /// How many older attempts were let go to keep the history bounded.
    public var droppedAttempts: Int

    /// The most attempts a run's history keeps.
    public static let historyLimit = 200

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
        history = []
        droppedAttempts = 0
    }

    /// Adds an attempt to the history, letting the oldest go past ``historyLimit``.
    mutating func record(_ attempt: StepAttempt) {
        history.append(attempt)
        let excess = history.count - Self.historyLimit
        if excess > 0 {
            history.removeFirst(excess)
            droppedAttempts += excess
        }
    }

    /// Ends the last attempt, which must be an unfinished one of `step`; otherwise records a finished one.
    mutating func finishAttempt(
        of step: String, _ outcome: StepAttempt.Outcome, tryNumber: Int, at time: Timestamp, error: String? = nil, nextTryAt: Timestamp? = nil
    ) {
        if let last = history.last, last.step == step, last.outcome == nil, last.tryNumber == tryNumber {
            history[history.count - 1] = last.finished(outcome, at: time, error: error, nextTryAt: nextTryAt)
        } else {
            record(StepAttempt(step: step, tryNumber: tryNumber, startedAt: time).finished(outcome, at: time, error: error, nextTryAt: nextTryAt))
        }
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
        entries.append(
            (.string("history"), .map(ValueMap([(.string("dropped"), .int(Int64(droppedAttempts))), (.string("attempts"), .list(history.map(\.payload)))])))
        )
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
        if let written = map[.string("history")] {
            guard case .map(let history) = written, case .int(let dropped)? = history[.string("dropped")],
                let droppedAttempts = Int(exactly: dropped), droppedAttempts >= 0, case .list(let entries)? = history[.string("attempts")]
            else { throw invalid }
            var attempts: [StepAttempt] = []
            for entry in entries {
                guard let attempt = StepAttempt(payload: entry) else { throw invalid }
                attempts.append(attempt)
            }
            self.history = attempts
            self.droppedAttempts = droppedAttempts
        }
    }
}
