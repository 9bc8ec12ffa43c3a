import CoreMetrics
import FormwrightStorage

/// What the workflow engine counts: retries, finished runs and how long steps take, recorded
/// through swift-metrics' current factory (nothing unless one is bound).
///
/// Whoever starts the workers chooses where the figures go by binding a factory to the task,
/// without a process-wide bootstrap:
///
/// ```swift
/// await withMetricsFactory(PrometheusMetricsFactory(registry: registry)) { await service.run() }
/// ```
public enum WorkflowMetrics {
    /// The name of the step duration histogram.
    public static let stepDurationName = "formwright_workflow_step_duration_seconds"

    /// `formwright_workflow_retries_total{app,workflow}`: a step was scheduled for another try.
    static func retried(app: String, workflow: String) {
        Counter(label: "formwright_workflow_retries_total", dimensions: [("app", app), ("workflow", workflow)]).increment()
    }

    /// `formwright_workflow_runs_finished_total{app,workflow,outcome}`: a run ended; only
    /// `succeeded` and `failed` are counted.
    static func finished(app: String, workflow: String, state: JobState) {
        guard state == .succeeded || state == .failed else { return }
        Counter(label: "formwright_workflow_runs_finished_total", dimensions: [("app", app), ("workflow", workflow), ("outcome", state.rawValue)])
            .increment()
    }

    /// `formwright_workflow_step_duration_seconds{app,workflow,step}`: one try of a step, from its
    /// start until its result was committed.
    static func stepTook(_ duration: Duration, app: String, workflow: String, step: String) {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow else { return }
        Timer(label: stepDurationName, dimensions: [("app", app), ("workflow", workflow), ("step", step)])
            .recordNanoseconds(max(0, nanoseconds.partialValue &+ attoseconds / 1_000_000_000))
    }
}
