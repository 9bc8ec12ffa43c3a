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
                return
            }
            let step = workflow.steps[run.step]
            let compiled = expressions.steps[step.id.value] ?? StepExpressions()
            let activation = WorkflowActivation(run: run, now: worker.clock(), environment: environment)
            if let condition = compiled.condition {
                switch condition.evaluate(activation) {
                case .success(.bool(true)): break
                case .success:
                    run.step += 1
                    continue
                case .failure(let error):
                    return try await worker.finish(
                        &job, state: .failed, payload: run.payload, error: "step '\(step.id.value)': its 'when' could not be evaluated: \(error.message)")
                }
            }
            let started = ContinuousClock.now
            defer { WorkflowMetrics.stepTook(.now - started, app: worker.app, workflow: workflow.name.value, step: step.id.value) }
            switch step.action {
            case .fail:
                let message = compiled.failMessage.map { render($0, in: activation) } ?? "the workflow failed"
                return try await worker.finish(&job, state: .failed, payload: run.payload, error: "step '\(step.id.value)': \(message)")
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
            try await worker.finish(&job, state: .failed, payload: run.payload, error: "step '\(id)': no integration '\(name)'")
            return false
        }
        var inputs: [(Value, Value)] = []
        for input in compiled.inputs {
            switch DataEvaluation.evaluate(input.value, in: activation) {
            case .success(let value): inputs.append((.string(input.name), value))
            case .failure(let error):
                try await worker.finish(
                    &job, state: .failed, payload: run.payload, error: "step '\(id)': input '\(input.name)' could not be computed: \(error.message)")
                return false
            }
        }
        // The try is counted before the call, so tries cut short by a crash count too.
        job = try await worker.commit(job, JobChange(attempts: job.attempts + 1, lease: worker.renewedLease()))
        let invoker = IntegrationInvoker(app: definition, transport: worker.transport, environment: environment, clock: worker.clock)
        switch await invoker.call(integration, inputs: .map(ValueMap(inputs)), idempotencyKey: "\(job.id):\(id)") {
        case .success(let outputs):
            run.outputs[.string(id)] = outputs
            run.step += 1
            job = try await worker.commit(job, JobChange(payload: run.payload, attempts: 0, lastError: .clear, lease: worker.renewedLease()))
            return true
        case .failure(let failure):
            let schedule = RetrySchedule(policy: step.retry ?? workflow.retry)
            let message = "step '\(id)', try \(job.attempts): \(failure.message)"
            if failure.isRetryable && schedule.allowsAnother(after: job.attempts) {
                let wait = schedule.delay(after: job.attempts, retryAfter: failure.retryAfter, random: worker.random())
                job = try await worker.commit(
                    job, JobChange(state: .pending, dueAt: worker.clock().adding(seconds: wait), lastError: .set(message), lease: .release))
                WorkflowMetrics.retried(app: worker.app, workflow: workflow.name.value)
            } else {
                try await worker.finish(&job, state: .failed, payload: run.payload, error: message)
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
            try await worker.finish(&job, state: .failed, payload: run.payload, error: "step '\(id)': no table '\(tableName)'")
            return false
        }
        let input: SubmissionInput
        switch StepRecordWrite.input(compiled.values, table: table, activation: activation, values: values) {
        case .success(let given): input = given
        case .failure(let failure):
            try await worker.finish(&job, state: .failed, payload: run.payload, error: "step '\(id)': \(failure.message)")
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
        let outcome: (Job, WorkflowRun?)
        do {
            outcome = try await worker.storage.write(app: worker.app) { transaction in
                var next = run
                let change: JobChange
                switch try writer.perform(action, input: input, run: run, in: transaction, context: context) {
                case .saved(let record, let table):
                    next.outputs[.string(id)] = WorkflowActivation.recordValue(record, table: table, values: values)
                    next.step += 1
                    change = JobChange(payload: next.payload, attempts: 0, lastError: .clear, lease: lease)
                case .rejected(let rejection):
                    change = JobChange(state: .failed, lastError: .set("step '\(id)': " + Self.describe(rejection)), lease: .release)
                    return (try transaction.updateJob(id: current.id, expectedVersion: current.version, change, now: context.now), nil)
                case .impossible(let message):
                    change = JobChange(state: .failed, lastError: .set("step '\(id)': " + message), lease: .release)
                    return (try transaction.updateJob(id: current.id, expectedVersion: current.version, change, now: context.now), nil)
                }
                return (try transaction.updateJob(id: current.id, expectedVersion: current.version, change, now: context.now), next)
            }
        } catch let error as StorageError where error.code == .uniqueViolation {
            try await worker.finish(
                &job, state: .failed, payload: run.payload, error: "step '\(id)': " + Self.describe(SubmissionRejected([FieldError(field: error.field ?? "", problem: .duplicate)])))
            return false
        }
        job = outcome.0
        if outcome.1 == nil { WorkflowMetrics.finished(app: worker.app, workflow: workflow.name.value, state: job.state) }
        guard let next = outcome.1 else { return false }
        self.run = next
        return true
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
