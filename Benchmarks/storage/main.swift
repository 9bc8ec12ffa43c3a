// Inserts per second through SQLiteStorage, one record per transaction, against the same rows
// inserted with plain GRDB on an identically configured pool (WAL, synchronous=FULL, STRICT
// table of the same shape, a cached prepared statement), measured in the same run. Rounds alternate between the two so
// that disk and machine noise fall on both alike; the median round is reported.
//
//     FORMWRIGHT_BENCHMARKS=1 swift run -c release StorageBenchmark [ROWS] [ROUNDS]
import FormwrightCore
import FormwrightSQLite
import FormwrightStorage
import Foundation
import GRDB

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let rows = arguments.first ?? 2_000
let rounds = arguments.dropFirst().first ?? 5

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

func formwrightRound(_ folder: URL) async throws -> Double {
    let store = try await SQLiteStorage(path: folder.appendingPathComponent("formwright.sqlite").path)
    try await store.prepare(app: "bench", schema: [schema])
    let now = Timestamp(seconds: 1_800_000_000)
    let time = try await seconds {
        for index in 0..<rows {
            let values = fields(index)
            _ = try await store.write(app: "bench") { try $0.insert(table: "deals", fields: values, revision: "r1", now: now) }
        }
    }
    try await store.close()
    return time
}

func grdbRound(_ folder: URL) async throws -> Double {
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
        for index in 0..<rows {
            let id = RecordID.generate()
            try await pool.write { db in
                try db.cachedStatement(sql: "INSERT INTO deals VALUES (?, 1, ?, ?, 'r1', ?, ?, ?, ?)").execute(
                    arguments: [
                        id, 1_800_000_000_000_000, 1_800_000_000_000_000, "Deal number \(index)", index * 1_999,
                        index.isMultiple(of: 3) ? "won" : "open", (1_800_000_000 + index) * 1_000_000,
                    ])
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

var formwrightTimes: [Double] = []
var grdbTimes: [Double] = []
for round in 0..<rounds {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("storage-benchmark-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    if round.isMultiple(of: 2) {
        grdbTimes.append(try await grdbRound(folder))
        formwrightTimes.append(try await formwrightRound(folder))
    } else {
        formwrightTimes.append(try await formwrightRound(folder))
        grdbTimes.append(try await grdbRound(folder))
    }
}
let formwrightRate = Double(rows) / median(formwrightTimes)
let grdbRate = Double(rows) / median(grdbTimes)
print("rows per round: \(rows), rounds: \(rounds), one record per transaction, WAL, synchronous=FULL")
print("plain GRDB:      \(Int(grdbRate)) inserts/s (median)")
print("SQLiteStorage:   \(Int(formwrightRate)) inserts/s (median)")
print("ratio:           \(String(format: "%.2f", formwrightRate / grdbRate)) of plain GRDB")
