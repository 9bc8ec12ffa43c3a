public import CoreMetrics
public import FormwrightCore
import FormwrightRuntime
import FormwrightStorage
import Logging
public import Prometheus

/// The server's metrics, kept in one Prometheus registry: HTTP requests counted as they are
/// answered, the workflow engine's counters, and the queue gauges read from the store at scrape time.
///
/// Each server gets its own registry, so tests need no process-wide bootstrap:
///
/// ```swift
/// let metrics = ServerMetrics()
/// let server = try FormwrightHTTPServer(apps: registry, configuration: configuration, metrics: metrics)
/// await withMetricsFactory(metrics.factory) { await service.run() }   // the workflow engine's counters
/// ```
public struct ServerMetrics: Sendable {
    /// Where the counters and histograms are kept.
    public let registry: PrometheusCollectorRegistry
    /// The time the queue gauges are measured against.
    public let clock: @Sendable () -> Timestamp

    /// The upper bounds of the HTTP request duration histogram.
    static let requestBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
    ]
    /// The upper bounds of the step duration histogram: a call may take up to 5 minutes.
    static let stepBuckets: [Duration] = [
        .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(120), .seconds(300),
    ]
    /// The HTTP methods counted by name; any other is counted as `OTHER`, so the label stays bounded.
    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// Creates metrics over a registry.
    /// - Parameters:
    ///   - registry: where the metrics are kept; a fresh one by default.
    ///   - clock: the current time, for the age of the oldest waiting run.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), clock: @escaping @Sendable () -> Timestamp = { .now }) {
        self.registry = registry
        self.clock = clock
    }

    /// A swift-metrics factory that records into this registry, for the workflow engine
    /// (bind it with `withMetricsFactory`); step durations get buckets up to 5 minutes.
    public var factory: any MetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = [WorkflowMetrics.stepDurationName: Self.stepBuckets]
        return factory
    }

    /// Counts one answered request under its route pattern.
    func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        let method = Self.knownMethods.contains(method) ? method : "OTHER"
        registry.makeCounter(
            name: "formwright_http_requests_total", labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            name: "formwright_http_request_duration_seconds", labels: [("method", method), ("route", route)], buckets: Self.requestBuckets
        ).record(duration)
    }

    /// The whole exposition: the registry's metrics, then the queue gauges of every served app.
    ///
    /// Each app's queue is read with one summary; an app whose store fails is left out and the error logged.
    func exposition(apps: [AppRuntime], logger: Logger) async -> String {
        let gauges = PrometheusCollectorRegistry()
        let now = clock()
        for app in apps {
            let summary: JobSummary
            do {
                summary = try await app.storage.read(app: app.name) { try $0.jobSummary(now: now) }
            } catch {
                logger.error("metrics: reading the workflow queue failed", metadata: ["app": "\(app.name)", "error": "\(error)"])
                continue
            }
            for state in JobState.allCases {
                gauges.makeGauge(name: "formwright_workflow_executions", labels: [("app", app.name), ("state", state.rawValue)])
                    .set(Double(summary.count(state)))
            }
            gauges.makeGauge(name: "formwright_workflow_outbox_depth", labels: [("app", app.name)]).set(Double(summary.duePending))
            gauges.makeGauge(name: "formwright_workflow_oldest_item_age_seconds", labels: [("app", app.name)])
                .set(Self.age(of: summary, now: now))
        }
        return registry.emitToString() + gauges.emitToString()
    }

    /// How long the pending run due first has been due, in seconds; 0 when none is due yet.
    static func age(of summary: JobSummary, now: Timestamp) -> Double {
        guard summary.duePending > 0, let oldest = summary.oldestPendingDueAt, oldest <= now else { return 0 }
        return Double(now.seconds - oldest.seconds) + Double(Int64(now.nanos) - Int64(oldest.nanos)) / 1_000_000_000
    }
}
