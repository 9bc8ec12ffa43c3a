// Inserts per second through SQLiteStorage against the same rows inserted with plain GRDB on an
// identically configured pool (WAL, synchronous=FULL, STRICT table of the same shape, a cached
// prepared statement), measured in the same run, two ways: one record per write transaction,
// and BATCH records (default 100) per write transaction. Rounds alternate between the two sides
// so that disk and machine noise fall on both alike; the median round is reported.
//
//     FORMWRIGHT_BENCHMARKS=1 swift build -c release --product StorageBenchmark --scratch-path .build-bench
//     .build-bench/release/StorageBenchmark [ROWS] [ROUNDS] [BATCH]
import FormwrightCore
import FormwrightSQLite
import FormwrightStorage
import Foundation
import GRDB

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let rows = max(1, arguments.first ?? 2_000)
let rounds = max(1, arguments.dropFirst().first ?? 5)
let batch = max(1, arguments.dropFirst(2).first ?? 100)

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

func formwrightRound(_ folder: URL, batchSize: Int) async throws -> Double {
    let store = try await SQLiteStorage(path: folder.appendingPathComponent("formwright.sqlite").path)
    try await store.prepare(app: "bench", schema: [schema])
    let now = Timestamp(seconds: 1_800_000_000)
    let time = try await seconds {
        for range in transactions(of: batchSize) {
            let values = range.map(fields)
            _ = try await store.write(app: "bench") { transaction in
                for row in values { _ = try transaction.insert(table: "deals", fields: row, revision: "r1", now: now) }
            }
        }
    }
    try await store.close()
    return time
}

func grdbRound(_ folder: URL, batchSize: Int) async throws -> Double {
    var configuration = Configuration()
    configuration.busyMode = .timeout(5)
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    let pool = try DatabasePool(path: folder.appendingPathComponent("grdb.sqlite").path, configuration: configuration)
    try await pool.write { db in
        try db.execute(
            sql: """
                CREATE TABLE deals (id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL, revision TEXT NOT NULL, f_title TEXT, f_amount INTEGER, f_stage TEXT, f_closes_at INTEGER) STRICT
                """)
    }
    let time = try await seconds {
        for range in transactions(of: batchSize) {
            let ids = range.map { _ in RecordID.generate() }
            try await pool.write { db in
                let statement = try db.cachedStatement(sql: "INSERT INTO deals VALUES (?, 1, ?, ?, 'r1', ?, ?, ?, ?)")
                for (id, index) in zip(ids, range) {
                    try statement.execute(
                        arguments: [
                            id, 1_800_000_000_000_000, 1_800_000_000_000_000, "Deal number \(index)", index * 1_999,
                            index.isMultiple(of: 3) ? "won" : "open", (1_800_000_000 + index) * 1_000_000,
                        ])
                }
            }
        }
    }
    try pool.close()
    return time
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

print("rows per round: \(rows), rounds: \(rounds), WAL, synchronous=FULL")
for batchSize in [1, batch] {
    var formwrightTimes: [Double] = []
    var grdbTimes: [Double] = []
    for round in 0..<rounds {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("storage-benchmark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        if round.isMultiple(of: 2) {
            grdbTimes.append(try await grdbRound(folder, batchSize: batchSize))
            formwrightTimes.append(try await formwrightRound(folder, batchSize: batchSize))
        } else {
            formwrightTimes.append(try await formwrightRound(folder, batchSize: batchSize))
            grdbTimes.append(try await grdbRound(folder, batchSize: batchSize))
        }
    }
    let formwrightRate = Double(rows) / median(formwrightTimes)
    let grdbRate = Double(rows) / median(grdbTimes)
    print("\(batchSize == 1 ? "one record" : "\(batchSize) records") per write transaction:")
    print("  plain GRDB:      \(Int(grdbRate)) inserts/s (median)")
    print("  SQLiteStorage:   \(Int(formwrightRate)) inserts/s (median)")
    print("  ratio:           \(String(format: "%.2f", formwrightRate / grdbRate)) of plain GRDB")
}
