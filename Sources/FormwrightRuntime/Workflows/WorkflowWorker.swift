public import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions
public import FormwrightStorage
import Foundation

/// Runs workflow jobs from an app's outbox: claims one under a lease, runs its steps from where
/// its payload says the run stands, and commits each step's result with the job's version as a
/// fencing token.
///
/// ```swift
/// let worker = WorkflowWorker(app: "crm", storage: store, definitions: registry, transport: client, owner: "host-1:4242")
/// while try await worker.runNext() {}   // runs every due job
/// ```
///
/// - `update`, `create` and `upsert` steps write their records and the job's progress in one
///   transaction: exactly once. A write the pipeline refuses fails the run at once with the field errors.
/// - `call` steps count the try in the job before calling, call, then commit the outputs: the
///   external effect happens at least once, with the `Idempotency-Key` `<job id>:<step id>` on every try.
/// - A retryable failure releases the job until its next try is due (the step's retry policy,
///   else the workflow's; full jitter; at least `Retry-After`); a permanent one, or the last try,
///   fails the run with the error in `lastError`.
/// - When a commit finds another version (the lease ran out and another worker took the job),
///   the worker drops the job.
/// - When the stop signal is given, the run is handed back (pending, due now) after its current step.
/// - A job whose definition revision this process has not loaded is released for one lease
///   length, for a process that has it; when it comes back unknown, the run fails with that error.
public struct WorkflowWorker: Sendable {
    /// How long a claim holds a job unless told otherwise: longer than the longest step (an HTTP
    /// call may take 5 minutes), renewed after every step.
    public static let defaultLeaseSeconds = 360.0

    let app: String
    let storage: any StorageBackend
    let definitions: DefinitionRegistry
    let transport: any OutboundHTTP
    let owner: String
    let environment: [String: String]
    let clock: @Sendable () -> Timestamp
    let random: @Sendable () -> Double
    let stop: StopSignal
    let leaseSeconds: Double

    /// Creates a worker.
    /// - Parameters:
    ///   - app: the app whose outbox it serves.
    ///   - storage: the app's store.
    ///   - definitions: the definitions loaded by this process, by revision.
    ///   - transport: where `kind: http` calls go.
    ///   - owner: the name its leases are held under, unique per worker.
    ///   - environment: what `env` reads; nil for the process environment.
    ///   - clock: the current time.
    ///   - random: a number in `0...1` for retry jitter.
    ///   - stop: when given, the run in progress is handed back after its current step.
    ///   - leaseSeconds: how long a claim holds a job before another worker may take it over; more
    ///     than zero, and longer than the slowest step, else that step may run twice.
    public init(
        app: String, storage: any StorageBackend, definitions: DefinitionRegistry, transport: any OutboundHTTP, owner: String,
        environment: [String: String]? = nil, clock: @escaping @Sendable () -> Timestamp = { .now },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }, stop: StopSignal = StopSignal(),
        leaseSeconds: Double = WorkflowWorker.defaultLeaseSeconds
    ) {
        self.app = app
        self.storage = storage
        self.definitions = definitions
        self.transport = transport
        self.owner = owner
        self.environment = environment ?? ProcessInfo.processInfo.environment
        self.clock = clock
        self.random = random
        self.stop = stop
        self.leaseSeconds = leaseSeconds
    }

    /// Claims one due job and runs it until it finishes, waits for a retry, or is lost.
    /// - Returns: whether there was a job to run.
    @discardableResult
    public func runNext() async throws -> Bool {
        let now = clock()
        let owner = self.owner
        let until = now.adding(seconds: leaseSeconds)
        guard let job = try await storage.claimJob(app: app, owner: owner, now: now, leaseUntil: until, kinds: [WorkflowTriggers.jobKind])
        else { return false }
        do {
            try await process(job)
        } catch let error as StorageError where error.code == .versionConflict {
            // Another worker holds the job now; it carries on from the last committed step.
        }
        return true
    }

    private func process(_ claimed: Job) async throws {
        var job = claimed
        log.claimed(job)
        let run: WorkflowRun
        do {
            run = try WorkflowRun(payload: job.payload)
        } catch {
            try await finish(&job, state: .failed, error: error.message)
            return
        }
        if let triggerError = run.triggerError {
            try await finish(&job, state: .failed, error: triggerError)
            return
        }
        guard let definition = definitions.definition(revision: job.revision) else {
            try await handleUnknownRevision(&job)
            return
        }
        guard let workflow = definition.workflow(named: run.workflow) else {
            try await finish(&job, state: .failed, error: "no workflow '\(run.workflow)' in revision '\(job.revision)' of app '\(app)'")
            return
        }
        var execution = WorkflowExecution(
            worker: self, definition: definition, workflow: workflow, run: run,
            environment: WorkflowActivation.environmentValue(environment))
        try await execution.continueRun(&job)
    }

    private func handleUnknownRevision(_ job: inout Job) async throws {
        let message = "definition revision '\(job.revision)' of app '\(app)' is not loaded by any process that claimed this run"
        if job.lastError == message {
            try await finish(&job, state: .failed, error: message)
        } else {
            let now = clock()
            job = try await commit(job, JobChange(state: .pending, dueAt: now.adding(seconds: leaseSeconds), lastError: .set(message), lease: .release))
        }
    }

    /// Commits a change to the job under its current version.
    func commit(_ job: Job, _ change: JobChange) async throws -> Job {
        let now = clock()
        let id = job.id
        let version = job.version
        return try await storage.write(app: app) { try $0.updateJob(id: id, expectedVersion: version, change, now: now) }
    }

    /// The lease renewed from now, for a change that keeps the job running.
    func renewedLease() -> JobChange.LeaseUpdate {
        .hold(owner: owner, until: clock().adding(seconds: leaseSeconds))
    }

    /// Ends the run.
    func finish(_ job: inout Job, state: JobState, payload: String? = nil, error: String?) async throws {
        job = try await commit(job, JobChange(state: state, payload: payload, lastError: error.map { .set($0) } ?? .clear, lease: .release))
        log.finished(job, state: state, error: error)
        WorkflowMetrics.finished(app: app, workflow: job.name, state: state)
    }

    /// Where this worker's events are logged.
    var log: WorkflowLog { WorkflowLog(app: app) }
}
