// Inserts per second through PostgresStorage against the same rows inserted with plain
// PostgresNIO in the same process: the same table shape, one pooled client. One record per
// transaction: each row in its own `BEGIN … COMMIT` (the same work a storage write does), and —
// as a floor — each row as a single autocommitted INSERT. Batched: BATCH rows (default 100) per
// storage write, against the same rows in one `BEGIN … COMMIT` on one connection. Rounds rotate
// the order so that machine noise falls on all alike; the median round is reported.
//
//     FORMWRIGHT_BENCHMARKS=1 swift build -c release --product PostgresBenchmark --scratch-path .build-bench
//     FORMWRIGHT_POSTGRES_URL=postgres://user:password@127.0.0.1:5432/db .build-bench/release/PostgresBenchmark [ROWS] [ROUNDS] [BATCH]
import FormwrightCore
import FormwrightPostgres
import FormwrightStorage
import Foundation
import PostgresNIO

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let rows = max(1, arguments.first ?? 2_000)
let rounds = max(1, arguments.dropFirst().first ?? 5)
let batch = max(1, arguments.dropFirst(2).first ?? 100)
guard let url = ProcessInfo.processInfo.environment["FORMWRIGHT_POSTGRES_URL"] else {
    print("set FORMWRIGHT_POSTGRES_URL to postgres://user:password@host:port/database")
    exit(2)
}
let address = try PostgresAddress(parsing: url)

let schema = TableSchema(
    name: "deals",
    columns: [
        ColumnSchema(name: "title", type: .text), ColumnSchema(name: "amount", type: .money(scale: 2)),
        ColumnSchema(name: "stage", type: .text), ColumnSchema(name: "closes_at", type: .timestamp),
    ])

func fields(_ index: Int) -> [String: Value] {
    [
        "title": .string("Deal number \(index)"), "amount": .int(Int64(index) * 1_999), "stage": .string(index.isMultiple(of: 3) ? "won" : "open"),
        "closes_at": .timestamp(Timestamp(seconds: 1_800_000_000 + Int64(index))),
    ]
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The rows `0..<rows` cut into transactions of `size` rows.
func transactions(of size: Int) -> [Range<Int>] {
    stride(from: 0, to: rows, by: size).map { $0..<min($0 + size, rows) }
}

func formwrightRound(_ store: PostgresStorage, app: String, batchSize: Int) async throws -> Double {
    let now = Timestamp(seconds: 1_800_000_000)
    return try await seconds {
        for range in transactions(of: batchSize) {
            let values = range.map(fields)
            _ = try await store.write(app: app) { transaction in
                for row in values { _ = try transaction.insert(table: "deals", fields: row, revision: "r1", now: now) }
            }
        }
    }
}

let insertSQL = "INSERT INTO benchmark_raw.deals VALUES ($1, 1, $2, $3, 'r1', $4, $5, $6, $7)"

func insertQuery(_ index: Int) -> PostgresQuery {
    let created = Date(timeIntervalSince1970: 1_800_000_000)
    let closes = Date(timeIntervalSince1970: 1_800_000_000 + Double(index))
    var bindings = PostgresBindings()
    bindings.append(RecordID.generate())
    bindings.append(created)
    bindings.append(created)
    bindings.append("Deal number \(index)")
    bindings.append(Int64(index) * 1_999)
    bindings.append(index.isMultiple(of: 3) ? "won" : "open")
    bindings.append(closes)
    return PostgresQuery(unsafeSQL: insertSQL, binds: bindings)
}

/// Plain PostgresNIO: `batchSize` rows per `BEGIN ISOLATION LEVEL SERIALIZABLE … COMMIT`, or
/// with `batchSize` nil each row as one autocommitted INSERT.
func rawRound(_ client: PostgresClient, batchSize: Int?) async throws -> Double {
    let logger = Logger(label: "benchmark")
    return try await seconds {
        guard let batchSize else {
            for index in 0..<rows { _ = try await client.query(insertQuery(index), logger: logger) }
            return
        }
        for range in transactions(of: batchSize) {
            try await client.withConnection { connection in
                _ = try await connection.query("BEGIN ISOLATION LEVEL SERIALIZABLE", logger: logger)
                for index in range { _ = try await connection.query(insertQuery(index), logger: logger) }
                _ = try await connection.query("COMMIT", logger: logger)
            }
        }
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

var clientConfiguration = PostgresClient.Configuration(
    host: address.host, port: address.port, username: address.user, password: address.password, database: address.database,
    tls: .disable)
clientConfiguration.options.maximumConnections = 10
let client = PostgresClient(configuration: clientConfiguration)
let clientTask = Task { await client.run() }
let setupLogger = Logger(label: "benchmark")
_ = try await client.query("DROP SCHEMA IF EXISTS benchmark_raw CASCADE", logger: setupLogger)
_ = try await client.query("CREATE SCHEMA benchmark_raw", logger: setupLogger)
_ = try await client.query(
    """
    CREATE TABLE benchmark_raw.deals (id TEXT COLLATE "C" PRIMARY KEY, version BIGINT NOT NULL, created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL, revision TEXT NOT NULL, f_title TEXT COLLATE "C", f_amount BIGINT, f_stage TEXT COLLATE "C",
    f_closes_at TIMESTAMPTZ)
    """, logger: setupLogger)

let store = try await PostgresStorage(configuration: PostgresStorage.Configuration(address: address))
let app = "benchmark-\(UUID().uuidString.lowercased().prefix(8))"
try await store.prepare(app: app, schema: [schema])

var formwrightTimes: [Double] = []
var transactionTimes: [Double] = []
var autocommitTimes: [Double] = []
var formwrightBatchTimes: [Double] = []
var transactionBatchTimes: [Double] = []
for round in 0..<rounds {
    let order = (0..<5).map { ($0 + round) % 5 }
    for kind in order {
        switch kind {
        case 0: formwrightTimes.append(try await formwrightRound(store, app: app, batchSize: 1))
        case 1: transactionTimes.append(try await rawRound(client, batchSize: 1))
        case 2: autocommitTimes.append(try await rawRound(client, batchSize: nil))
        case 3: formwrightBatchTimes.append(try await formwrightRound(store, app: app, batchSize: batch))
        default: transactionBatchTimes.append(try await rawRound(client, batchSize: batch))
        }
    }
}
try await store.drop(app: app)
try await store.close()
_ = try await client.query("DROP SCHEMA benchmark_raw CASCADE", logger: setupLogger)
clientTask.cancel()

func rate(_ times: [Double]) -> Double { Double(rows) / median(times) }
func ratio(_ part: Double, _ whole: Double) -> String { String(format: "%.2f", part / whole) }
let formwrightRate = rate(formwrightTimes)
let transactionRate = rate(transactionTimes)
let autocommitRate = rate(autocommitTimes)
let formwrightBatchRate = rate(formwrightBatchTimes)
let transactionBatchRate = rate(transactionBatchTimes)
print("rows per round: \(rows), rounds: \(rounds), server \(address.host):\(address.port)")
print("one record per transaction:")
print("  PostgresNIO, autocommit INSERT:           \(Int(autocommitRate)) inserts/s (median)")
print("  PostgresNIO, BEGIN SERIALIZABLE…COMMIT:   \(Int(transactionRate)) inserts/s (median)")
print("  PostgresStorage.write:                    \(Int(formwrightRate)) inserts/s (median)")
print(
    "  ratio:                                    \(ratio(formwrightRate, transactionRate)) of the same transaction in PostgresNIO, \(ratio(formwrightRate, autocommitRate)) of autocommit"
)
print("\(batch) records per transaction:")
print("  PostgresNIO, BEGIN SERIALIZABLE…COMMIT:   \(Int(transactionBatchRate)) inserts/s (median)")
print("  PostgresStorage.write:                    \(Int(formwrightBatchRate)) inserts/s (median)")
print("  ratio:                                    \(ratio(formwrightBatchRate, transactionBatchRate)) of the same transaction in PostgresNIO")
