public import FormwrightCore
public import FormwrightStorage

/// The workflow executions of the app, for operators: lists, one execution, and retrying a failed one.
///
/// ```swift
/// let failed = try await runtime.executions(states: [.failed], limit: 20)
/// for execution in failed.executions { try await runtime.retryExecution(id: execution.id) }
/// ```
extension AppRuntime {
    /// A page of executions, newest first.
    ///
    /// - Parameters:
    ///   - workflow: only this workflow's executions; it must be one of the app's workflows.
    ///   - states: only executions in these states, or nil for any.
    ///   - record: only the executions the record `(table, id)` started, found by their key prefix.
    ///   - limit: how many at most, `1...1000`.
    ///   - after: the cursor of the previous page.
    ///   - now: the time the view is taken at, which tells a running attempt from an interrupted one.
    /// - Throws: `RuntimeError(.notFound)` for an unknown workflow or table, `.badRequest` for a
    ///   bad limit or cursor.
    public func executions(
        workflow: String? = nil, states: Set<JobState>? = nil, record: (table: String, id: String)? = nil, limit: Int = 50, after: String? = nil,
        now: Timestamp = .now
    ) async throws -> ExecutionPage {
        if let workflow, definition.workflow(named: workflow) == nil {
            throw RuntimeError(.notFound, "no workflow '\(workflow)' in app '\(name)'")
        }
        var query = JobQuery(states: states, name: workflow, kind: WorkflowTriggers.jobKind, limit: limit)
        if let record {
            let table = try self.table(record.table)
            query.keyPrefix = WorkflowTriggers.recordKeyPrefix(table: table.name.value, recordID: record.id)
        }
        if let after {
            let cursor = try await mapStorageErrors { try PageCursor(text: after, for: Self.executionOrder) }
            guard case .integer(let micros) = cursor.value else { throw RuntimeError(.badRequest, "the paging cursor is not valid for this query") }
            query.after = JobQuery.Position(createdAt: ColumnType.timestamp(microseconds: micros), id: cursor.id)
        }
        let asked = query
        let jobs = try await mapStorageErrors { try await storage.read(app: name) { try $0.jobs(asked) } }
        var next: String?
        if jobs.count == limit, let last = jobs.last, let micros = ColumnType.microseconds(last.createdAt) {
            next = PageCursor(sort: Self.executionOrder, value: .integer(micros), id: last.id).text
        }
        return ExecutionPage(executions: jobs.map { view($0, now: now) }, next: next)
    }

    /// One execution, as it stands at `now`.
    /// - Throws: `RuntimeError(.notFound)` when the app has no workflow execution with this id.
    public func execution(id: String, now: Timestamp = .now) async throws -> ExecutionView {
        view(try await existingExecution(id: id), now: now)
    }

    /// Sends a failed execution back to its queue: pending, due now, its tries counted afresh. It
    /// resumes at the step that failed; the steps that finished before it are not run again.
    ///
    /// - Throws: `RuntimeError(.notFound)` for an unknown id, `.conflict` when the execution has
    ///   not failed (nothing is changed then).
    @discardableResult
    public func retryExecution(id: String, now: Timestamp = .now) async throws -> ExecutionView {
        let job = try await mapStorageErrors {
            try await storage.write(app: name) { transaction -> Job in
                guard let job = try transaction.job(id: id), job.kind == WorkflowTriggers.jobKind else {
                    throw RuntimeError(.notFound, "no workflow execution '\(id)' in app '\(name)'")
                }
                guard job.state == .failed else {
                    throw RuntimeError(.conflict, "workflow execution '\(id)' is \(job.state.rawValue); only a failed execution can be retried")
                }
                return try transaction.updateJob(
                    id: id, expectedVersion: job.version, JobChange(state: .pending, dueAt: now, attempts: 0, lastError: .clear), now: now)
            }
        }
        workBell?.ring()
        return view(job, now: now)
    }

    /// The order executions are listed in, as the cursor records it.
    static let executionOrder = RecordSort(key: .createdAt, descending: true)

    private func existingExecution(id: String) async throws -> Job {
        let job = try await mapStorageErrors { try await storage.read(app: name) { try $0.job(id: id) } }
        guard let job, job.kind == WorkflowTriggers.jobKind else { throw RuntimeError(.notFound, "no workflow execution '\(id)' in app '\(name)'") }
        return job
    }

    /// The view of a job; a payload that is not a run shows as a run with no steps.
    private func view(_ job: Job, now: Timestamp) -> ExecutionView {
        let run =
            (try? WorkflowRun(payload: job.payload))
            ?? WorkflowRun(workflow: job.name, change: .created, table: "", recordID: "", revision: job.revision, record: .null, old: .null)
        let workflow = definition.revision == job.revision ? definition.workflow(named: run.workflow) : nil
        return ExecutionView(job: job, run: run, stepIDs: workflow.map { $0.steps.map(\.id.value) }, now: now)
    }
}
