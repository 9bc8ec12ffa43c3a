import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions
import FormwrightStorage

/// One claimed run of a workflow, carried forward step by step under a worker's lease.
struct WorkflowExecution: Sendable {
    let worker: WorkflowWorker
    let definition: AppDefinition
    let workflow: WorkflowDefinition
    var run: WorkflowRun
    let environment: Value

    /// Runs the steps from where the run stands until it ends, waits for a retry, or throws
    /// `versionConflict` because the job was taken over.
    mutating func continueRun(_ job: inout Job) async throws {
        let expressions = definition.expressions.workflows[workflow.name.value] ?? WorkflowExpressions()
        while run.step < workflow.steps.count {
            if worker.stop.isStopped {
                job = try await worker.commit(job, JobChange(state: .pending, payload: run.payload, dueAt: worker.clock(), lease: .release))
                worker.log.handedBack(job, step: workflow.steps[run.step].id.value)
                return
            }
            let step = workflow.steps[run.step]
            let compiled = expressions.steps[step.id.value] ?? StepExpressions()
            let activation = WorkflowActivation(run: run, now: worker.clock(), environment: environment)
            if let condition = compiled.condition {
                switch condition.evaluate(activation) {
                case .success(.bool(true)): break
                case .success:
                    run.finishAttempt(of: step.id.value, .skipped, tryNumber: nextTry(of: step.id.value), at: activation.now)
                    run.history.last.map { worker.log.attempt(job, $0) }
                    run.step += 1
                    continue
                case .failure(let error):
                    return try await fail(step.id.value, "step '\(step.id.value)': its 'when' could not be evaluated: \(error.message)", &job)
                }
            }
            let started = ContinuousClock.now
            defer { WorkflowMetrics.stepTook(.now - started, app: worker.app, workflow: workflow.name.value, step: step.id.value) }
            switch step.action {
            case .fail:
                let message = compiled.failMessage.map { render($0, in: activation) } ?? "the workflow failed"
                return try await fail(step.id.value, "step '\(step.id.value)': \(message)", &job)
            case .call(let name, _):
                guard try await call(step, integration: name.value, compiled: compiled, activation: activation, job: &job) else { return }
            case .update, .create, .upsert:
                guard try await write(step, compiled: compiled, activation: activation, job: &job) else { return }
            }
        }
        try await worker.finish(&job, state: .succeeded, payload: run.payload, error: nil)
    }

    /// Runs a `call` step; returns whether the run goes on in this claim.
    private mutating func call(
        _ step: WorkflowStep, integration name: String, compiled: StepExpressions, activation: WorkflowActivation, job: inout Job
    ) async throws -> Bool {
        let id = step.id.value
        guard let integration = definition.integration(named: name) else {
            try await fail(id, "step '\(id)': no integration '\(name)'", &job)
            return false
        }
        var inputs: [(Value, Value)] = []
        for input in compiled.inputs {
            switch DataEvaluation.evaluate(input.value, in: activation) {
            case .success(let value): inputs.append((.string(input.name), value))
            case .failure(let error):
                try await fail(id, "step '\(id)': input '\(input.name)' could not be computed: \(error.message)", &job)
                return false
            }
        }
        // The try is counted, and its attempt recorded as started, before the call, so tries cut
        // short by a crash count too and show in the history as never finished.
        let tryNumber = job.attempts + 1
        run.record(StepAttempt(step: id, tryNumber: tryNumber, startedAt: worker.clock()))
        job = try await worker.commit(job, JobChange(payload: run.payload, attempts: tryNumber, lease: worker.renewedLease()))
        let invoker = IntegrationInvoker(app: definition, transport: worker.transport, environment: environment, clock: worker.clock)
        switch await invoker.call(integration, inputs: .map(ValueMap(inputs)), idempotencyKey: "\(job.id):\(id)") {
        case .success(let outputs):
            run.outputs[.string(id)] = outputs
            run.step += 1
            run.finishAttempt(of: id, .succeeded, tryNumber: tryNumber, at: worker.clock())
            job = try await worker.commit(job, JobChange(payload: run.payload, attempts: 0, lastError: .clear, lease: worker.renewedLease()))
            run.history.last.map { worker.log.attempt(job, $0) }
            return true
        case .failure(let failure):
            let schedule = RetrySchedule(policy: step.retry ?? workflow.retry)
            let message = "step '\(id)', try \(job.attempts): \(failure.message)"
            if failure.isRetryable && schedule.allowsAnother(after: job.attempts) {
                let wait = schedule.delay(after: job.attempts, retryAfter: failure.retryAfter, random: worker.random())
                let now = worker.clock()
                run.finishAttempt(of: id, .retrying, tryNumber: tryNumber, at: now, error: message, nextTryAt: now.adding(seconds: wait))
                job = try await worker.commit(
                    job, JobChange(state: .pending, payload: run.payload, dueAt: now.adding(seconds: wait), lastError: .set(message), lease: .release))
                run.history.last.map { worker.log.attempt(job, $0, delay: wait) }
                WorkflowMetrics.retried(app: worker.app, workflow: workflow.name.value)
            } else {
                try await fail(id, message, tryNumber: tryNumber, &job)
            }
            return false
        }
    }

    /// Runs an `update`, `create` or `upsert` step and commits it with the job's progress in one
    /// transaction; returns whether the run goes on in this claim.
    private mutating func write(_ step: WorkflowStep, compiled: StepExpressions, activation: WorkflowActivation, job: inout Job) async throws -> Bool {
        let id = step.id.value
        let tableName: String
        switch step.action {
        case .create(let write), .upsert(let write): tableName = write.table.value
        default: tableName = run.table
        }
        let values = ExpressionValues(timezone: definition.timezone)
        guard let table = definition.table(named: tableName) else {
            try await fail(id, "step '\(id)': no table '\(tableName)'", &job)
            return false
        }
        let input: SubmissionInput
        switch StepRecordWrite.input(compiled.values, table: table, activation: activation, values: values) {
        case .success(let given): input = given
        case .failure(let failure):
            try await fail(id, "step '\(id)': \(failure.message)", &job)
            return false
        }
        let writer = StepRecordWrite(
            app: definition, pipeline: SubmissionPipeline(app: definition),
            writer: RecordWriter(app: definition, startsWorkflows: workflow.retriggers), values: values)
        let context = EvaluationContext(now: activation.now)
        let action = step.action
        let current = job
        let run = self.run
        let lease = worker.renewedLease()
        let clock = worker.clock
        let attempt = StepAttempt(step: id, tryNumber: nextTry(of: id), startedAt: clock())
        let outcome: (job: Job, run: WorkflowRun, error: String?)
        do {
            outcome = try await worker.storage.write(app: worker.app) { transaction in
                var next = run
                let failure: String
                switch try writer.perform(action, input: input, run: run, in: transaction, context: context) {
                case .saved(let record, let table):
                    next.outputs[.string(id)] = WorkflowActivation.recordValue(record, table: table, values: values)
                    next.step += 1
                    next.record(attempt.finished(.succeeded, at: clock()))
                    let change = JobChange(payload: next.payload, attempts: 0, lastError: .clear, lease: lease)
                    return (try transaction.updateJob(id: current.id, expectedVersion: current.version, change, now: context.now), next, nil)
                case .rejected(let rejection): failure = "step '\(id)': " + Self.describe(rejection)
                case .impossible(let message): failure = "step '\(id)': " + message
                }
                next.record(attempt.finished(.failed, at: clock(), error: failure))
                let change = JobChange(state: .failed, payload: next.payload, lastError: .set(failure), lease: .release)
                return (try transaction.updateJob(id: current.id, expectedVersion: current.version, change, now: context.now), next, failure)
            }
        } catch let error as StorageError where error.code == .uniqueViolation {
            let rejection = SubmissionRejected([FieldError(field: error.field ?? "", problem: .duplicate)])
            try await fail(id, "step '\(id)': " + Self.describe(rejection), &job)
            return false
        }
        job = outcome.job
        self.run = outcome.run
        outcome.run.history.last.map { worker.log.attempt(job, $0) }
        if let failure = outcome.error {
            worker.log.finished(job, state: .failed, error: failure)
            WorkflowMetrics.finished(app: worker.app, workflow: workflow.name.value, state: .failed)
            return false
        }
        return true
    }

    /// The try number of the next attempt of a step that does not count tries in the job: one
    /// more than its attempts in the history.
    private func nextTry(of step: String) -> Int {
        run.history.reduce(1) { $1.step == step ? $0 + 1 : $0 }
    }

    /// Fails the run at `step` with `message`, recording the failed attempt.
    private mutating func fail(_ step: String, _ message: String, tryNumber: Int? = nil, _ job: inout Job) async throws {
        run.finishAttempt(of: step, .failed, tryNumber: tryNumber ?? nextTry(of: step), at: worker.clock(), error: message)
        job = try await worker.commit(job, JobChange(state: .failed, payload: run.payload, lastError: .set(message), lease: .release))
        run.history.last.map { worker.log.attempt(job, $0) }
        worker.log.finished(job, state: .failed, error: message)
        WorkflowMetrics.finished(app: worker.app, workflow: workflow.name.value, state: .failed)
    }

    /// Field errors as one line: `field: message; …`.
    static func describe(_ rejection: SubmissionRejected) -> String {
        "the record was refused: "
            + rejection.errors.map { ($0.field.isEmpty ? "" : "'\($0.field)': ") + $0.problem.message(for: ["en"]) }.joined(separator: "; ")
    }

    private func render(_ message: CompiledMessage, in activation: WorkflowActivation) -> String {
        let pieces = message.translations.first { $0.locale == "en" }?.pieces ?? message.translations.first?.pieces ?? []
        return pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case .hole(let program, let written):
                if case .success(let value) = program.evaluate(activation) { return ValueText.display(value) }
                return written
            }
        }.joined()
    }
}
