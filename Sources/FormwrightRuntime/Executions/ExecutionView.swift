public import FormwrightCore
public import FormwrightStorage

/// What an operator sees of one workflow execution (one run, one job): where it stands, what
/// started it, and each step with its attempts and a summary of its outputs.
public struct ExecutionView: Sendable, Hashable {
    /// Where one step stands.
    public enum StepStatus: String, Sendable, Hashable, CaseIterable {
        /// Not reached yet, or reached and waiting for a worker (also when its worker's lease ran out).
        case waiting
        /// Its attempt is in progress under a worker's lease that has not run out.
        case running
        /// It failed and waits for its next try.
        case retrying
        /// It did its work.
        case succeeded
        /// Its `when` was false.
        case skipped
        /// It failed, and with it the run.
        case failed
    }

    /// One step of the workflow.
    public struct Step: Sendable, Hashable {
        /// The step's id.
        public var id: String
        /// Where it stands.
        public var status: StepStatus
        /// Its attempts in the kept history, oldest first.
        public var attempts: [StepAttempt]
        /// Its outputs, shortened: text past 200 characters is cut, lists and maps become their size.
        public var outputs: ValueMap?
    }

    /// The execution's id (its job's id).
    public var id: String
    /// The workflow's name.
    public var workflow: String
    /// Where the execution stands.
    public var state: JobState
    /// The definition revision it runs under.
    public var revision: String
    /// The change that started it: `created`, `updated` or `deleted`.
    public var change: String
    /// The triggering record's table.
    public var table: String
    /// The triggering record's id.
    public var recordID: String
    /// When it was enqueued.
    public var createdAt: Timestamp
    /// When it last changed.
    public var updatedAt: Timestamp
    /// The earliest time it may run (again).
    public var dueAt: Timestamp
    /// The tries of its current step, as the job counts them.
    public var attempts: Int
    /// The last error recorded, or nil.
    public var lastError: String?
    /// The step that runs next, or nil when every step has run.
    public var nextStep: String?
    /// How many old attempts the history let go.
    public var droppedAttempts: Int
    /// Every attempt in the kept history, oldest first; an attempt that never finished is
    /// `running` while its worker holds the run under a lease that has not run out, `interrupted` otherwise.
    public var history: [StepAttempt]
    /// The workflow's steps in order, each with its attempts.
    public var steps: [Step]

    /// Builds the view of `job`'s run at `now`; `stepIDs` are the workflow's steps in order when
    /// the definition of the run's revision is known, else nil (the steps are then those the history names).
    init(job: Job, run: WorkflowRun, stepIDs: [String]?, now: Timestamp) {
        let isHeld = job.state == .running && (job.leaseUntil.map { $0 >= now } ?? false)
        id = job.id
        workflow = run.workflow
        state = job.state
        revision = job.revision
        change = run.change.rawValue
        table = run.table
        recordID = run.recordID
        createdAt = job.createdAt
        updatedAt = job.updatedAt
        dueAt = job.dueAt
        attempts = job.attempts
        lastError = job.lastError
        droppedAttempts = run.droppedAttempts
        history = run.history.enumerated().map { index, attempt in
            guard attempt.outcome == nil else { return attempt }
            var resolved = attempt
            resolved.outcome = index == run.history.count - 1 && isHeld ? .running : .interrupted
            return resolved
        }
        var ids = stepIDs ?? []
        if stepIDs == nil {
            for attempt in run.history where !ids.contains(attempt.step) { ids.append(attempt.step) }
        }
        nextStep = run.step < ids.count ? ids[run.step] : nil
        let history = self.history
        steps = ids.enumerated().map { index, stepID in
            let attempts = history.filter { $0.step == stepID }
            let last = attempts.last?.outcome
            let status: StepStatus
            if index < run.step {
                status = last == .skipped ? .skipped : .succeeded
            } else if index == run.step {
                switch (job.state, last) {
                case (.failed, .failed?): status = .failed
                case (.running, _): status = isHeld ? .running : .waiting
                case (.pending, .retrying?): status = .retrying
                default: status = .waiting
                }
            } else {
                status = .waiting
            }
            let outputs: ValueMap? =
                if case .map(let map)? = run.outputs[.string(stepID)] { Self.summary(map) } else { nil }
            return Step(id: stepID, status: status, attempts: attempts, outputs: outputs)
        }
    }

    /// A step's outputs with long text cut and collections reduced to their size.
    static func summary(_ outputs: ValueMap) -> ValueMap {
        ValueMap(
            outputs.entries.map { entry -> (Value, Value) in
                switch entry.value {
                case .string(let text) where text.count > 200: (entry.key, .string(String(text.prefix(200)) + "…"))
                case .list(let items): (entry.key, .string("\(items.count) item\(items.count == 1 ? "" : "s")"))
                case .map(let map): (entry.key, .string("\(map.count) entr\(map.count == 1 ? "y" : "ies")"))
                case .bytes(let bytes): (entry.key, .string("\(bytes.count) bytes"))
                default: (entry.key, entry.value)
                }
            })
    }
}
