import FormwrightStorage
import Logging

/// The structured log events of workflow runs, under the label `formwright.workflows`: a claim
/// and each step that succeeded or was skipped at `debug`, a run's end and a hand-back at `info`
/// (a failed run at `error`), a scheduled retry and a failed step at `warning`.
///
/// Every event carries `app`, `workflow` and `execution` (the job id); step events add `step`,
/// `try`, `outcome` and `duration_ms`, a scheduled retry `delay_ms`, a failure `error`. Errors
/// come from the integration layer already redacted; no input, output or record value is logged.
struct WorkflowLog: Sendable {
    /// The logger workflow events go to; a task may bind its own to capture them.
    @TaskLocal static var logger = Logger(label: "formwright.workflows")

    let app: String

    /// A job was claimed to run.
    func claimed(_ job: Job) {
        Self.logger.debug("workflow run claimed", metadata: metadata(job, [:]))
    }

    /// A step attempt ended: succeeded, skipped, or failed with a retry scheduled in `delay` seconds.
    func attempt(_ job: Job, _ attempt: StepAttempt, delay: Double? = nil) {
        var extra: Logger.Metadata = ["step": .string(attempt.step), "try": .stringConvertible(attempt.tryNumber)]
        if let outcome = attempt.outcome { extra["outcome"] = .string(outcome.rawValue) }
        if let duration = attempt.durationMilliseconds { extra["duration_ms"] = .stringConvertible(duration) }
        if let error = attempt.error { extra["error"] = .string(error) }
        if let delay { extra["delay_ms"] = .stringConvertible(Int64((delay * 1000).rounded())) }
        switch attempt.outcome {
        case .retrying: Self.logger.warning("workflow retry scheduled", metadata: metadata(job, extra))
        case .failed: Self.logger.warning("workflow step failed", metadata: metadata(job, extra))
        case .skipped: Self.logger.debug("workflow step skipped", metadata: metadata(job, extra))
        default: Self.logger.debug("workflow step succeeded", metadata: metadata(job, extra))
        }
    }

    /// A run ended as `state` (succeeded or failed), with its error.
    func finished(_ job: Job, state: JobState, error: String?) {
        var extra: Logger.Metadata = ["outcome": .string(state.rawValue)]
        if let error { extra["error"] = .string(error) }
        if state == .succeeded {
            Self.logger.info("workflow run succeeded", metadata: metadata(job, extra))
        } else {
            Self.logger.error("workflow run failed", metadata: metadata(job, extra))
        }
    }

    /// A run was handed back, pending, because the process is stopping; `step` runs next.
    func handedBack(_ job: Job, step: String) {
        Self.logger.info("workflow run handed back on stop", metadata: metadata(job, ["step": .string(step), "outcome": .string("pending")]))
    }

    private func metadata(_ job: Job, _ extra: Logger.Metadata) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["app": .string(app), "workflow": .string(job.name), "execution": .string(job.id)]
        metadata.merge(extra) { _, new in new }
        return metadata
    }
}
