import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Hummingbird

extension HTMLRoutes {
    /// The most runs a record page lists, newest first.
    static let recordPageRuns = 20

    /// The "Workflow runs" section of a record page: the record's executions with their steps,
    /// tries, errors and times, and a Retry form on the failed ones. Empty when no workflow
    /// watches the table and the record started none.
    func workflowRuns(_ runtime: AppRuntime, table: TableDefinition, recordID: String, csrf: String, words: PageWords) async throws -> [String: Any] {
        let page = try await runtimeErrors {
            try await runtime.executions(record: (table.name.value, recordID), limit: Self.recordPageRuns)
        }
        let watched = runtime.definition.workflows.contains { workflow in
            if case .record(let trigger) = workflow.trigger { trigger.table.value == table.name.value } else { false }
        }
        guard watched || !page.executions.isEmpty else { return [:] }
        let base = "/apps/\(FormEncoding.escape(runtime.name))/workflows/executions/"
        let runs = page.executions.map { execution -> [String: Any] in
            var line = "\(words.started) \(execution.createdAt.rfc3339) · \(execution.change)"
            if execution.state == .pending || execution.state == .running { line += " · \(words.due) \(execution.dueAt.rfc3339)" }
            var run: [String: Any] = [
                "runID": execution.id, "workflow": execution.workflow, "state": execution.state.rawValue, "startedLine": line,
                "steps": execution.steps.map { step -> [String: Any] in
                    var values: [String: Any] = [
                        "stepID": step.id, "status": step.status.rawValue,
                        "tries": step.attempts.map { attempt -> [String: Any] in
                            var values: [String: Any] = ["tryLine": Self.tryLine(attempt)]
                            if let error = attempt.error { values["tryError"] = error }
                            return values
                        },
                    ]
                    if let outputs = step.outputs, outputs.count > 0 {
                        values["outputLine"] = outputs.entries.map { entry in
                            let name = if case .string(let text) = entry.key { text } else { JSONWriter.write(entry.key) }
                            let value = if case .string(let text) = entry.value { text } else { JSONWriter.write(entry.value) }
                            return "\(name): \(value)"
                        }.joined(separator: " · ")
                    }
                    return values
                },
            ]
            if let error = execution.lastError { run["lastError"] = error }
            if execution.state == .failed {
                run["retryURL"] = base + FormEncoding.escape(execution.id) + "/retry"
                run["retryLabel"] = words.retry
            }
            return run
        }
        return ["runsHeading": words.workflowRuns, "runs": runs, "noRuns": words.noRuns, "csrf": csrf]
    }

    /// `try 2 · retrying · 2026-11-29T10:00:00Z → 2026-11-29T10:00:01Z · 1000 ms · next try 2026-11-29T10:00:03Z`.
    static func tryLine(_ attempt: StepAttempt) -> String {
        var line = "try \(attempt.tryNumber) · \(attempt.outcome?.rawValue ?? "") · \(attempt.startedAt.rfc3339)"
        if let finished = attempt.finishedAt { line += " → \(finished.rfc3339)" }
        if let duration = attempt.durationMilliseconds { line += " · \(duration) ms" }
        if let next = attempt.nextTryAt { line += " · next try \(next.rfc3339)" }
        return line
    }

    /// `POST /apps/{app}/workflows/executions/{id}/retry` with the CSRF token: retries a failed
    /// run and goes back to its record's page; a run that has not failed answers 409.
    func retryRun(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, _, chrome) = try appPage(request, context)
        guard context.identity.isSignedIn else { return signInPage(chrome) }
        let words = PageWords(language: chrome.language)
        let id = try context.parameters.require("id")
        let posted = try await reading.formFields(request, context: context)
        guard let sent = posted["_csrf"]?.last, isValidCSRF(sent, request, context) else {
            return renderer.message(words.forbidden, words.staleForm, chrome: chrome, status: .forbidden)
        }
        let execution: ExecutionView
        do {
            execution = try await runtimeErrors { try await runtime.retryExecution(id: id) }
        } catch let error as ServerError where error.status == .conflict {
            return renderer.message(words.problem, error.message, chrome: chrome, status: .conflict)
        }
        let record = "/apps/\(FormEncoding.escape(runtime.name))/tables/\(FormEncoding.escape(execution.table))/records/\(FormEncoding.escape(execution.recordID))"
        return .seeOther(record + "#run-" + FormEncoding.escape(execution.id))
    }
}
