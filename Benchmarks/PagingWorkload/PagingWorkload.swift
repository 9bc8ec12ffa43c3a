// The workload both paging benchmarks run (see Benchmarks/README.md): an `orders` table filled
// with ROWS records through the store's own batched writes, BATCH records per write transaction
// (a quarter of them in region 'east', amounts scattered), then
//
//     records(RecordQuery(table: "orders", filters: ["region": "east"], sort: .descending("amount"), limit: 50))
//
// timed as a first page and as a page DEPTH records deep into the keyset (its cursor found by
// walking pages of 10,000), three times over: with no index, after a migration adds
// `indexed: true` on the sort field `amount`, and after a second one adds it on the filter field
// `region` as well. Each figure is the median of repeated reads; the ratios compare each indexed
// figure with the unindexed one of the same run.
public import FormwrightCore
public import FormwrightStorage
import Foundation

/// One paging run's sizes, read from the command line as `[ROWS] [BATCH] [DEPTH]`.
public struct PagingWorkload: Sendable {
    /// How many records the table is filled with.
    public var rows: Int
    /// How many records each write transaction of the fill holds.
    public var batch: Int
    /// How many records deep the deep page starts.
    public var depth: Int

    /// The median times of the first and the deep page, and the ids both pages showed.
    typealias PageTimes = (first: Double, deep: Double, ids: [String])

    private static let regions = ["east", "north", "south", "west"]
    private static let now = Timestamp(seconds: 1_800_000_000)

    /// Reads `[ROWS] [BATCH] [DEPTH]` from the arguments, defaulting to 1,000,000, 1,000 and 100,000.
    public init(arguments: [String]) {
        let numbers = arguments.compactMap { Int($0) }
        rows = max(1, numbers.first ?? 1_000_000)
        batch = max(1, numbers.dropFirst().first ?? 1_000)
        depth = max(0, numbers.dropFirst(2).first ?? 100_000)
    }

    /// Fills app `app` of `store` (which must not hold it yet), times the pages and prints the figures under `name`.
    public func run(name: String, store: any MigratingBackend, app: String) async throws {
        print("\(name): \(rows) records, \(batch) per write transaction")
        let fillTime = try await fill(store, app: app)
        print("  fill through \(name) writes: \(String(format: "%.1f", fillTime)) s, \(Int(Double(rows) / fillTime)) inserts/s")
        let deep = try await deepCursor(store, app: app)
        let plain = try await timePages(store, app: app, deep: deep, repeats: 5)
        print("  no index:")
        print("    first page \(Self.milliseconds(plain.first))")
        print("    page \(depth) deep \(Self.milliseconds(plain.deep))")
        let amountBuild = try await migrate(store, app: app, amountIndexed: true, regionIndexed: false, revision: "r2")
        let amount = try await timePages(store, app: app, deep: deep, repeats: 21)
        report("indexed amount", build: amountBuild, amount, against: plain)
        let regionBuild = try await migrate(store, app: app, amountIndexed: true, regionIndexed: true, revision: "r3")
        let both = try await timePages(store, app: app, deep: deep, repeats: 21)
        report("indexed amount and region", build: regionBuild, both, against: plain)
        if plain.ids != amount.ids || plain.ids != both.ids { print("  warning: the pages differ between runs") }
    }

    private static func table(amountIndexed: Bool, regionIndexed: Bool) -> TableSchema {
        TableSchema(
            name: "orders",
            columns: [
                ColumnSchema(name: "title", type: .text), ColumnSchema(name: "region", type: .text, isIndexed: regionIndexed),
                ColumnSchema(name: "amount", type: .money(scale: 2), isIndexed: amountIndexed),
                ColumnSchema(name: "placed_at", type: .timestamp),
            ])
    }

    /// Record `index`: regions and amounts spread by multiplicative hashing, so neither follows insertion order.
    private static func fields(_ index: Int) -> [String: Value] {
        let scrambled = UInt64(index) &* 2_654_435_761
        return [
            "title": .string("Order number \(index)"), "region": .string(regions[Int((scrambled >> 7) % 4)]),
            "amount": .int(Int64(scrambled % 10_000_000)), "placed_at": .timestamp(Timestamp(seconds: 1_700_000_000 + Int64(index))),
        ]
    }

    private static func seconds(_ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    private static func milliseconds(_ time: Double) -> String { String(format: "%.2f ms", time * 1_000) }

    private func fill(_ store: any MigratingBackend, app: String) async throws -> Double {
        let schema = [Self.table(amountIndexed: false, regionIndexed: false)]
        _ = try await store.apply(try await store.plan(app: app, schema: schema, revision: "r1"), allowDestructive: false, now: Self.now)
        return try await Self.seconds {
            for start in stride(from: 0, to: rows, by: batch) {
                let values = (start..<min(start + batch, rows)).map(Self.fields)
                _ = try await store.write(app: app) { transaction in
                    for row in values { _ = try transaction.insert(table: "orders", fields: row, revision: "r1", now: Self.now) }
                }
            }
        }
    }

    private func page(_ store: any MigratingBackend, app: String, after: String?, limit: Int = 50) async throws -> RecordPage {
        let query = RecordQuery(table: "orders", filters: ["region": .string("east")], sort: .descending("amount"), limit: limit, after: after)
        return try await store.read(app: app) { try $0.records(query) }
    }

    /// The cursor `depth` east records into the order, found by walking pages of 10,000.
    private func deepCursor(_ store: any MigratingBackend, app: String) async throws -> String? {
        var cursor: String?
        var walked = 0
        while walked < depth {
            let step = min(RecordQuery.maximumLimit, depth - walked)
            guard let next = try await page(store, app: app, after: cursor, limit: step).next else { return cursor }
            cursor = next
            walked += step
        }
        return cursor
    }

    private func timePages(_ store: any MigratingBackend, app: String, deep: String?, repeats: Int) async throws -> PageTimes {
        var firstTimes: [Double] = []
        var deepTimes: [Double] = []
        var ids: [String] = []
        for _ in 0..<repeats {
            firstTimes.append(try await Self.seconds { ids = try await page(store, app: app, after: nil).records.map(\.id) })
            deepTimes.append(try await Self.seconds { ids += try await page(store, app: app, after: deep).records.map(\.id) })
        }
        return (Self.median(firstTimes), Self.median(deepTimes), ids)
    }

    private func migrate(
        _ store: any MigratingBackend, app: String, amountIndexed: Bool, regionIndexed: Bool, revision: String
    ) async throws -> Double {
        let schema = [Self.table(amountIndexed: amountIndexed, regionIndexed: regionIndexed)]
        let plan = try await store.plan(app: app, schema: schema, revision: revision)
        return try await Self.seconds { _ = try await store.apply(plan, allowDestructive: false, now: Self.now) }
    }

    private func report(_ label: String, build: Double, _ times: PageTimes, against plain: PageTimes) {
        let faster = { (indexed: Double, unindexed: Double) in String(format: "%.1fx faster", unindexed / indexed) }
        print("  \(label) (\(String(format: "%.1f", build)) s to build):")
        print("    first page \(Self.milliseconds(times.first)) (\(faster(times.first, plain.first)))")
        print("    page \(depth) deep \(Self.milliseconds(times.deep)) (\(faster(times.deep, plain.deep)))")
    }
}
