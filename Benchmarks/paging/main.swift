// A filtered, sorted page over a large table, with and without an index, on SQLite and (when
// FORMWRIGHT_POSTGRES_URL is set) PostgreSQL, in one process run.
//
// An `orders` table is filled with ROWS records (default 1,000,000) through the store's own
// batched writes, BATCH records (default 1,000) per write transaction; a quarter of them have
// region 'east' and the amounts are scattered. Then
//
//     records(RecordQuery(table: "orders", filters: ["region": "east"], sort: .descending("amount"), limit: 50))
//
// is timed as a first page and as a page DEPTH records (default 100,000) deep into the keyset
// (its cursor found by walking pages of 10,000), three times over: with no index, after a
// migration adds `indexed: true` on the sort field `amount`, and after a second one adds it on
// the filter field `region` as well. Each figure is the median of repeated reads; the ratios
// compare each indexed figure with the unindexed one of the same run.
//
//     FORMWRIGHT_BENCHMARKS=1 swift build -c release --product PagingBenchmark --scratch-path .build-bench
//     FORMWRIGHT_POSTGRES_URL=postgres://user:password@127.0.0.1:5432/db .build-bench/release/PagingBenchmark [ROWS] [BATCH] [DEPTH]
import FormwrightCore
import FormwrightPostgres
import FormwrightSQLite
import FormwrightStorage
import Foundation

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let rows = max(1, arguments.first ?? 1_000_000)
let batch = max(1, arguments.dropFirst().first ?? 1_000)
let depth = max(0, arguments.dropFirst(2).first ?? 100_000)
let regions = ["east", "north", "south", "west"]
let now = Timestamp(seconds: 1_800_000_000)

func table(amountIndexed: Bool, regionIndexed: Bool) -> TableSchema {
    TableSchema(
        name: "orders",
        columns: [
            ColumnSchema(name: "title", type: .text), ColumnSchema(name: "region", type: .text, isIndexed: regionIndexed),
            ColumnSchema(name: "amount", type: .money(scale: 2), isIndexed: amountIndexed), ColumnSchema(name: "placed_at", type: .timestamp),
        ])
}

/// Record `index`: regions and amounts spread by multiplicative hashing, so neither follows insertion order.
func fields(_ index: Int) -> [String: Value] {
    let scrambled = UInt64(index) &* 2_654_435_761
    return [
        "title": .string("Order number \(index)"), "region": .string(regions[Int((scrambled >> 7) % 4)]),
        "amount": .int(Int64(scrambled % 10_000_000)), "placed_at": .timestamp(Timestamp(seconds: 1_700_000_000 + Int64(index))),
    ]
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func milliseconds(_ time: Double) -> String { String(format: "%.2f ms", time * 1_000) }

/// One store under test, with the app it fills.
struct Subject {
    let name: String
    let store: any MigratingBackend
    let app: String
}

func fill(_ subject: Subject) async throws -> Double {
    _ = try await subject.store.apply(
        try await subject.store.plan(app: subject.app, schema: [table(amountIndexed: false, regionIndexed: false)], revision: "r1"),
        allowDestructive: false, now: now)
    return try await seconds {
        for start in stride(from: 0, to: rows, by: batch) {
            let values = (start..<min(start + batch, rows)).map(fields)
            _ = try await subject.store.write(app: subject.app) { transaction in
                for row in values { _ = try transaction.insert(table: "orders", fields: row, revision: "r1", now: now) }
            }
        }
    }
}

func page(_ subject: Subject, after: String?, limit: Int = 50) async throws -> RecordPage {
    let query = RecordQuery(table: "orders", filters: ["region": .string("east")], sort: .descending("amount"), limit: limit, after: after)
    return try await subject.store.read(app: subject.app) { try $0.records(query) }
}

/// The cursor `depth` east records into the order, found by walking pages of 10,000.
func deepCursor(_ subject: Subject) async throws -> String? {
    var cursor: String?
    var walked = 0
    while walked < depth {
        let step = min(RecordQuery.maximumLimit, depth - walked)
        let found = try await page(subject, after: cursor, limit: step)
        guard let next = found.next else { return cursor }
        cursor = next
        walked += step
    }
    return cursor
}

/// The median times of the first and the deep page, and the ids both pages showed.
typealias PageTimes = (first: Double, deep: Double, ids: [String])

/// The median time of the first page and of the deep page, and their record ids for comparison.
func timePages(_ subject: Subject, deep: String?, repeats: Int) async throws -> PageTimes {
    var firstTimes: [Double] = []
    var deepTimes: [Double] = []
    var ids: [String] = []
    for _ in 0..<repeats {
        firstTimes.append(try await seconds { ids = try await page(subject, after: nil).records.map(\.id) })
        deepTimes.append(try await seconds { ids += try await page(subject, after: deep).records.map(\.id) })
    }
    return (median(firstTimes), median(deepTimes), ids)
}

func migrate(_ subject: Subject, amountIndexed: Bool, regionIndexed: Bool, revision: String) async throws -> Double {
    let plan = try await subject.store.plan(
        app: subject.app, schema: [table(amountIndexed: amountIndexed, regionIndexed: regionIndexed)], revision: revision)
    return try await seconds { _ = try await subject.store.apply(plan, allowDestructive: false, now: now) }
}

func report(_ label: String, build: Double, _ times: PageTimes, against plain: PageTimes) {
    let faster = { (indexed: Double, unindexed: Double) in String(format: "%.1fx faster", unindexed / indexed) }
    print("  \(label) (\(String(format: "%.1f", build)) s to build):")
    print("    first page \(milliseconds(times.first)) (\(faster(times.first, plain.first)))")
    print("    page \(depth) deep \(milliseconds(times.deep)) (\(faster(times.deep, plain.deep)))")
}

func run(_ subject: Subject) async throws {
    print("\(subject.name): \(rows) records, \(batch) per write transaction")
    let fillTime = try await fill(subject)
    print("  fill through \(subject.name) writes: \(String(format: "%.1f", fillTime)) s, \(Int(Double(rows) / fillTime)) inserts/s")
    let deep = try await deepCursor(subject)
    let plain = try await timePages(subject, deep: deep, repeats: 5)
    print("  no index:")
    print("    first page \(milliseconds(plain.first))")
    print("    page \(depth) deep \(milliseconds(plain.deep))")
    let amountBuild = try await migrate(subject, amountIndexed: true, regionIndexed: false, revision: "r2")
    let amount = try await timePages(subject, deep: deep, repeats: 21)
    report("indexed amount", build: amountBuild, amount, against: plain)
    let regionBuild = try await migrate(subject, amountIndexed: true, regionIndexed: true, revision: "r3")
    let both = try await timePages(subject, deep: deep, repeats: 21)
    report("indexed amount and region", build: regionBuild, both, against: plain)
    if plain.ids != amount.ids || plain.ids != both.ids { print("  warning: the pages differ between runs") }
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paging-benchmark-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let sqlite = try await SQLiteStorage(path: folder.appendingPathComponent("paging.sqlite").path)
try await run(Subject(name: "SQLiteStorage", store: sqlite, app: "paging"))
try await sqlite.close()

if let url = ProcessInfo.processInfo.environment["FORMWRIGHT_POSTGRES_URL"] {
    let postgres = try await PostgresStorage(configuration: PostgresStorage.Configuration(address: try PostgresAddress(parsing: url)))
    let app = "paging-\(UUID().uuidString.lowercased().prefix(8))"
    do {
        try await run(Subject(name: "PostgresStorage", store: postgres, app: app))
    } catch {
        print("PostgresStorage: \(error)")
    }
    try await postgres.drop(app: app)
    try await postgres.close()
} else {
    print("PostgresStorage: skipped (set FORMWRIGHT_POSTGRES_URL to run it)")
}
