// Measures forecasts (see Benchmarks/README.md): a full recompute of a forecast over a SQLite store
// of ROWS opportunities (20 regions, 52 weeks, 8 drivers) through `AppRuntime.forecast`; the
// recompute after one opportunity's amount changes through the runtime; and a backtest of 500
// series × 26 windows with the numeric core. Medians of RUNS runs each. The data is exported to
// CSV in FOLDER; when a PEER command is given (`python3 Benchmarks/forecast/numpy_model.py peer
// FOLDER`), each Swift run alternates with the same run by numpy. The figures and results go to
// `swift.json` in FOLDER, where `numpy_model.py report` checks the two sides agree and prints
// the table (Benchmarks/forecast/run.sh runs it all).
import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightSQLite
import FormwrightStorage
import Foundation

func duration(_ elapsed: Duration) -> Double {
    Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    return duration(ContinuousClock.now - start)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func milliseconds(_ values: [Double]) -> String { String(format: "%.1f ms", median(values) * 1_000) }

func number(_ value: Double?) -> Value { value.map(Value.double) ?? .null }

func object(_ pairs: [(String, Value)]) -> Value { .map(ValueMap(pairs.map { (.string($0.0), $0.1) })) }

func json(_ metrics: ForecastMetrics) -> Value {
    object([("wape", number(metrics.wape)), ("mape", number(metrics.mape)), ("bias", number(metrics.bias)), ("mase", number(metrics.mase))])
}

func json(_ result: BacktestResult) -> Value {
    object([("overall", json(result.overall)), ("by_horizon", .list(result.byHorizon.map(json)))])
}

func numbers(_ values: [Double]) -> Value { .list(values.map(Value.double)) }

let arguments = Array(CommandLine.arguments.dropFirst())
guard let folderPath = arguments.first else {
    print("usage: ForecastBenchmark FOLDER [ROWS [RUNS [SERIES [PEER…]]]]")
    exit(2)
}
let folder = URL(fileURLWithPath: folderPath)
let counts = arguments.dropFirst().prefix(3).compactMap { Int($0) }
let peerCommand = Array(arguments.dropFirst(4))
let rows = max(1, counts.first ?? 1_000_000)
let runs = max(1, counts.dropFirst().first ?? 7)
let seriesCount = max(1, counts.dropFirst(2).first ?? 500)
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

// The data, generated once and exported for the numpy side.
let workload = ForecastWorkload(rows: rows)
let series = SeriesWorkload(count: seriesCount)
try workload.export(to: folder)
try series.export(to: folder)

// The app on a new SQLite file, filled through the store's writes in big transactions.
let loaded = DefinitionLoader().load(bytes: Array(ForecastWorkload.appYAML.utf8), path: "app.yaml")
guard let definition = loaded.definition else {
    print("the benchmark app does not check: \(loaded.diagnostics.map(\.message))")
    exit(1)
}
let databasePath = folder.appendingPathComponent("store.sqlite").path
try? FileManager.default.removeItem(atPath: databasePath)
let storage = try await SQLiteStorage(path: databasePath)
let runtime = AppRuntime(definition: definition, storage: storage)
try await runtime.prepare()
let fillTime = try await workload.fill(storage, app: runtime.name, revision: definition.revision)
let driverValueCount = ForecastWorkload.weights.count * ForecastWorkload.groups * (ForecastWorkload.weeks + ForecastWorkload.horizon)
print(String(format: "fill: %d opportunities and %d driver values in %.1f s (not a measured figure)", rows, driverValueCount, fillTime))

// The numpy side reads the export into arrays once and runs each figure once off the books.
let peer = peerCommand.isEmpty ? nil : try NumpyPeer(command: peerCommand)
let conversionTime = try peer?.ask("load \(ForecastWorkload.firstDay.adding(7 * ForecastWorkload.weeks).text)")
_ = try peer?.ask("full")
_ = try peer?.ask("backtest")
var numpyTimes: [String: [Double]] = [:]
/// Runs `command` on the numpy side, if there is one, and keeps its time under `figure`.
@MainActor func numpy(_ figure: String, _ command: String) throws {
    guard let peer else { return }
    numpyTimes[figure, default: []].append(try peer.ask(command))
}

// (1) Full recompute: the forecast over the store, after one run off the books.
var report = try await runtime.forecast("revenue", now: ForecastWorkload.now)
var fullTimes: [Double] = []
for _ in 0..<runs {
    fullTimes.append(try await seconds { report = try await runtime.forecast("revenue", now: ForecastWorkload.now) })
    try numpy("full", "full")
}
// Of which the sums by region and week, asked of the store alone.
var aggregateTimes: [Double] = []
for _ in 0..<runs {
    aggregateTimes.append(
        try await seconds {
            _ = try await runtime.aggregate(table: "opportunities", groupBy: ["region", "week(expected_close)"], measures: ["sum(amount)"])
        })
    try numpy("sums", "sums")
}
print("(1) full recompute over \(rows) rows, median of \(runs): \(milliseconds(fullTimes)); the store's sums alone \(milliseconds(aggregateTimes))")

// (2) One opportunity's amount changes through the runtime, then the forecast runs again.
var changeTimes: [Double] = []
var updateTimes: [Double] = []
var changes: [Value] = []
var reportAfterChange = report
for run in 0..<runs {
    let index = (run * 7_919 + 12_345) % rows
    let cents = Int64(1_234_567 + 1_000 * run)
    let record = try await runtime.record(table: "opportunities", id: ForecastWorkload.id(index))
    let input = SubmissionInput(values: ["amount": .string("\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)")], format: .json)
    let start = ContinuousClock.now
    _ = try await runtime.update(table: "opportunities", id: ForecastWorkload.id(index), input: input, expectedVersion: record?.version)
    let updated = ContinuousClock.now
    reportAfterChange = try await runtime.forecast("revenue", now: ForecastWorkload.now)
    changeTimes.append(duration(ContinuousClock.now - start))
    updateTimes.append(duration(updated - start))
    changes.append(object([("id", .string(ForecastWorkload.id(index))), ("amount_cents", .int(cents))]))
    try numpy("change", "change \(ForecastWorkload.id(index)) \(cents)")
}
print(
    "(2) recompute after one record changes (update + forecast), median of \(runs): \(milliseconds(changeTimes)); "
        + "the update alone \(milliseconds(updateTimes))")

// (3) The backtest of every series with the numeric core.
var backtests: [BacktestResult] = []
_ = try series.run()
var backtestTimes: [Double] = []
for _ in 0..<runs {
    backtestTimes.append(try await seconds { backtests = try series.run() })
    try numpy("backtest", "backtest")
}
print("(3) backtest of \(seriesCount) series × \(ForecastWorkload.windows) windows, median of \(runs): \(milliseconds(backtestTimes))")

try await storage.close()
peer?.finish()

let results = object([
    ("now", .string(ForecastWorkload.now.rfc3339)), ("rows", .int(Int64(rows))), ("runs", .int(Int64(runs))),
    ("series", .int(Int64(seriesCount))),
    ("fill_seconds", .double(fillTime)), ("full_seconds", numbers(fullTimes)), ("change_seconds", numbers(changeTimes)),
    ("update_seconds", numbers(updateTimes)), ("aggregate_seconds", numbers(aggregateTimes)), ("backtest_seconds", numbers(backtestTimes)),
    ("numpy_load_seconds", number(conversionTime)),
    ("numpy_seconds", object(numpyTimes.sorted { $0.key < $1.key }.map { ($0.key, numbers($0.value)) })),
    ("report", report.json),
    ("changes", .list(changes)),
    ("report_after_change", reportAfterChange.json),
    ("backtests", .list(backtests.map(json))),
])
try JSONWriter.write(results).write(to: folder.appendingPathComponent("swift.json"), atomically: true, encoding: .utf8)
