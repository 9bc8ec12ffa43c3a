// Measures workflows on SQLite (synchronous=FULL, as `serve` opens it) against the same app
// without its workflow, in one run: (a) workflow executions per second drained from the outbox
// by 1, 2 and 4 workers, as a ratio of records written per second through the same submission
// path; (b) what a workflow adds to a form's submission latency while a WorkflowService drains
// the outbox in the same process. Rounds alternate between the two apps so drift on a shared
// machine hits both alike; each round works on fresh files.
import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightSQLite
import FormwrightStorage
import Foundation

/// The app: a form on a table, and, when `withWorkflow`, a workflow scoring each new record with
/// the built-in sentiment scorer and saving the score.
func app(withWorkflow: Bool) -> String {
    let workflow =
        withWorkflow
        ? """
        integrations:
          sentiment:
            kind: sentiment
        workflows:
          score_sentiment:
            on: { created: conversations }
            steps:
              - id: score
                call: sentiment
                with: { text: "= record.transcript" }
              - id: save
                update: { sentiment: "= steps.score.score" }
        """
        : ""
    return """
        formwright: 1
        app: bench
        tables:
          conversations:
            fields:
              channel: { type: choice, options: [phone, visit, email, meeting], required: true }
              transcript: { type: longtext, required: true, max_length: 20000 }
              sentiment: { type: number, min: -1, max: 1 }
        forms:
          log:
            table: conversations
            fields: [channel, transcript]
        \(workflow)
        """
}

/// The sentiment scorer makes no call; any other call is a mistake in this benchmark.
struct NoNetwork: OutboundHTTP {
    func send(_ call: IntegrationCall) async throws(IntegrationFailure) -> IntegrationResponse {
        throw IntegrationFailure(.refusedAddress, "the benchmark makes no network calls")
    }
}

/// An app prepared on a new SQLite file in a scratch folder.
struct Store {
    let runtime: AppRuntime
    let storage: SQLiteStorage
    let definitions: DefinitionRegistry
    let folder: URL
    /// Rung by the runtime after each write, as in `serve`, to wake an idle service.
    let bell = WorkBell()

    init(withWorkflow: Bool) async throws {
        let yaml = app(withWorkflow: withWorkflow)
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        guard let definition = loaded.definition else {
            throw RuntimeError(.badRequest, "the benchmark app does not check: \(loaded.diagnostics.map(\.message))")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("workflow-benchmark-\(UUID().uuidString)")
        storage = try await SQLiteStorage(path: folder.appendingPathComponent("data.sqlite").path)
        runtime = AppRuntime(definition: definition, storage: storage, workBell: bell)
        try await runtime.prepare()
        definitions = DefinitionRegistry(definition)
    }

    func worker(_ owner: String, stop: StopSignal = StopSignal()) -> WorkflowWorker {
        WorkflowWorker(app: runtime.name, storage: storage, definitions: definitions, transport: NoNetwork(), owner: owner, environment: [:], stop: stop)
    }

    /// How many jobs are in each state.
    func jobStates() async throws -> [JobState: Int] {
        var counts: [JobState: Int] = [:]
        var after: JobQuery.Position?
        while true {
            let page = try await storage.read(app: runtime.name) { [after] in try $0.jobs(JobQuery(limit: JobQuery.maximumLimit, after: after)) }
            for job in page { counts[job.state, default: 0] += 1 }
            guard let last = page.last, page.count == JobQuery.maximumLimit else { return counts }
            after = JobQuery.Position(last)
        }
    }

    func close() async throws {
        try await storage.close()
        try? FileManager.default.removeItem(at: folder)
    }
}

let sentences = [
    "The customer asked about delivery times and was happy overall.",
    "She was angry that the invoice was wrong again and wants a refund.",
    "Good call, he liked the new plan but found the price a little high.",
    "The parcel arrived broken, terrible service, very disappointed.",
]

func input(_ number: Int) -> SubmissionInput {
    SubmissionInput(values: ["channel": .string("phone"), "transcript": .string(sentences[number % sentences.count])], format: .json)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// The value below which `fraction` of the sorted values lie (nearest rank).
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    sorted[min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))]
}

/// Submits `count` records one after another; returns records per second.
func submitAll(_ store: Store, count: Int) async throws -> Double {
    let elapsed = try await ContinuousClock().measure {
        for number in 0..<count { _ = try await store.runtime.submit(form: "log", input: input(number)) }
    }
    return Double(count) / max(seconds(elapsed), 1e-9)
}

/// Drains the outbox with `workers` concurrent workers, each under its own owner; returns
/// executions per second, after checking that every one of `count` runs succeeded.
func drain(_ store: Store, workers: Int, count: Int) async throws -> Double {
    let elapsed = try await ContinuousClock().measure {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<workers {
                let worker = store.worker("bench-\(number)")
                group.addTask { while try await worker.runNext() {} }
            }
            try await group.waitForAll()
        }
    }
    let states = try await store.jobStates()
    guard states == [.succeeded: count] else { throw RuntimeError(.badRequest, "the outbox did not drain cleanly: \(states)") }
    return Double(count) / max(seconds(elapsed), 1e-9)
}

/// Submission latencies in milliseconds, sorted, one submission at a time, while a WorkflowService
/// drains the outbox when `draining`; also how many runs finished meanwhile. As in `serve`, each
/// submission rings the service's bell, so it drains throughout instead of waiting out its idle second.
func latencies(_ store: Store, count: Int, draining: Bool) async throws -> (milliseconds: [Double], finished: Int) {
    let stop = StopSignal()
    let name = store.runtime.name
    let service = WorkflowService(
        storage: store.storage, definitions: store.definitions, transport: NoNetwork(), owner: "bench-service", stop: stop,
        bell: store.bell
    ) { [name] }
    let running = draining ? Task { await service.run() } : nil
    var milliseconds: [Double] = []
    milliseconds.reserveCapacity(count)
    let clock = ContinuousClock()
    do {
        for number in 0..<count {
            let start = clock.now
            _ = try await store.runtime.submit(form: "log", input: input(number))
            milliseconds.append(seconds(clock.now - start) * 1_000)
        }
    } catch {
        stop.stop()
        store.bell.ring()
        await running?.value
        throw error
    }
    stop.stop()
    store.bell.ring()
    await running?.value
    let finished = try await store.jobStates()[.succeeded] ?? 0
    return (milliseconds.sorted(), finished)
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let count = max(10, arguments.first ?? 2_000)
let rounds = max(1, arguments.dropFirst().first ?? 5)
let workerCounts = [1, 2, 4]

// Warm up both paths once, off the books.
do {
    let warm = try await Store(withWorkflow: true)
    _ = try await submitAll(warm, count: 100)
    _ = try await drain(warm, workers: 1, count: 100)
    try await warm.close()
}

// (a) Throughput.
var plainRates: [Double] = []
var enqueueRates: [Double] = []
var executionRates: [Int: [Double]] = [:]
for _ in 0..<rounds {
    let plain = try await Store(withWorkflow: false)
    plainRates.append(try await submitAll(plain, count: count))
    try await plain.close()
    for workers in workerCounts {
        let store = try await Store(withWorkflow: true)
        enqueueRates.append(try await submitAll(store, count: count))
        executionRates[workers, default: []].append(try await drain(store, workers: workers, count: count))
        try await store.close()
    }
}
let plainRate = median(plainRates)
print("(a) throughput on SQLite (synchronous=FULL), \(count) records per round, median of \(rounds) rounds")
print(String(format: "  submissions without the workflow (baseline): %.0f records/s", plainRate))
print(
    String(
        format: "  submissions with the workflow (record + enqueued run): %.0f records/s, ratio %.2f", median(enqueueRates),
        median(enqueueRates) / plainRate))
for workers in workerCounts {
    let rate = median(executionRates[workers] ?? [])
    print(String(format: "  workflow executions, %d worker%@: %.0f executions/s, ratio to baseline %.2f", workers, workers == 1 ? "" : "s", rate, rate / plainRate))
}

// (b) Latency.
// Without the workflow (the service polls an empty outbox), with it and the service draining,
// and with it and no service, which separates enqueuing the run from sharing the store's writer.
var percentiles: [String: [[Double]]] = [:]
var finished: [Double] = []
let fractions = [0.5, 0.9, 0.99]
for _ in 0..<rounds {
    for (name, withWorkflow, draining) in [("plain", false, true), ("draining", true, true), ("enqueuing", true, false)] {
        let store = try await Store(withWorkflow: withWorkflow)
        let run = try await latencies(store, count: count, draining: draining)
        percentiles[name, default: []].append(fractions.map { percentile(run.milliseconds, $0) })
        if name == "draining" { finished.append(Double(run.finished)) }
        try await store.close()
    }
}
print("(b) submission latency, one at a time, \(count) submissions per round, median of \(rounds) rounds")
for (index, name) in ["p50", "p90", "p99"].enumerated() {
    let of = { (variant: String) in median((percentiles[variant] ?? []).map { $0[index] }) }
    let (plain, draining, enqueuing) = (of("plain"), of("draining"), of("enqueuing"))
    print(
        String(
            format: "  %@: without the workflow %.3f ms; with it, service draining %.3f ms (ratio %.2f), no service %.3f ms (ratio %.2f)",
            name, plain, draining, draining / plain, enqueuing, enqueuing / plain))
}
print(String(format: "  runs the service finished while the submissions ran: %.0f of %d (median)", median(finished), count))
