import FormwrightCore
import FormwrightRuntime

/// Workflow executions as the API shows them.
enum ExecutionPresenter {
    /// `{"executions":[…],"next":cursor|null}`.
    static func page(_ page: ExecutionPage) -> Value {
        .map(ValueMap([
            (.string("executions"), .list(page.executions.map(object))),
            (.string("next"), page.next.map(Value.string) ?? .null),
        ]))
    }

    /// One execution: state, workflow, revision, trigger, times, tries, last error, steps and history.
    static func object(_ execution: ExecutionView) -> Value {
        .map(ValueMap([
            (.string("id"), .string(execution.id)),
            (.string("workflow"), .string(execution.workflow)),
            (.string("state"), .string(execution.state.rawValue)),
            (.string("revision"), .string(execution.revision)),
            (.string("trigger"), .map(ValueMap([
                (.string("change"), .string(execution.change)), (.string("table"), .string(execution.table)),
                (.string("record_id"), .string(execution.recordID)),
            ]))),
            (.string("created_at"), .string(execution.createdAt.rfc3339)),
            (.string("updated_at"), .string(execution.updatedAt.rfc3339)),
            (.string("due_at"), .string(execution.dueAt.rfc3339)),
            (.string("attempts"), .int(Int64(execution.attempts))),
            (.string("last_error"), execution.lastError.map(Value.string) ?? .null),
            (.string("next_step"), execution.nextStep.map(Value.string) ?? .null),
            (.string("dropped_attempts"), .int(Int64(execution.droppedAttempts))),
            (.string("steps"), .list(execution.steps.map(step))),
        ]))
    }

    private static func step(_ step: ExecutionView.Step) -> Value {
        .map(ValueMap([
            (.string("id"), .string(step.id)),
            (.string("status"), .string(step.status.rawValue)),
            (.string("outputs"), step.outputs.map(Value.map) ?? .null),
            (.string("attempts"), .list(step.attempts.map(attempt))),
        ]))
    }

    /// One attempt: `{"try","started_at","finished_at","outcome","error","next_try_at","duration_ms"}`.
    static func attempt(_ attempt: StepAttempt) -> Value {
        .map(ValueMap([
            (.string("try"), .int(Int64(attempt.tryNumber))),
            (.string("started_at"), .string(attempt.startedAt.rfc3339)),
            (.string("finished_at"), attempt.finishedAt.map { .string($0.rfc3339) } ?? .null),
            (.string("outcome"), attempt.outcome.map { .string($0.rawValue) } ?? .null),
            (.string("error"), attempt.error.map(Value.string) ?? .null),
            (.string("next_try_at"), attempt.nextTryAt.map { .string($0.rfc3339) } ?? .null),
            (.string("duration_ms"), attempt.durationMilliseconds.map(Value.int) ?? .null),
        ]))
    }
}
