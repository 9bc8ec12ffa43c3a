import FormwrightCore
import FormwrightStorage
import Foundation
import PostgresNIO
import Testing

@testable import FormwrightPostgres

/// A claim reads one free row of each kind of claimable job in index order, however long the
/// queue is, takes the earlier of the two, and concurrent claimers never roll each
/// other back.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured))
struct PostgresJobClaimTests {
    static let schema = [TableSchema(name: "people", columns: [ColumnSchema(name: "name", type: .text)])]
    static let t0 = Timestamp(seconds: 1_800_000_000)

    static func at(_ seconds: Int64) -> Timestamp {
        Timestamp(seconds: t0.seconds + seconds)
    }

    static func job(_ key: String, due: Int64, kind: String = "workflow") -> NewJob {
        NewJob(kind: kind, name: "score", dedupKey: key, payload: "{}", revision: "r1", dueAt: at(due))
    }

    static func claim(_ store: PostgresStorage, _ app: String, owner: String, now: Int64, kinds: Set<String>? = ["workflow"]) async throws -> Job? {
        try await store.claimJob(app: app, owner: owner, now: at(now), leaseUntil: at(now + 30), kinds: kinds)
    }

    /// Runs `body` on a connection of its own to the test database.
    static func withConnection<T>(_ body: (PostgresConnection, Logger) async throws -> T) async throws -> T {
        let address = try PostgresAddress(parsing: try #require(PostgresTestDatabase.url))
        let configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password, database: address.database,
            tls: .disable)
        let logger = Logger(label: "formwright-tests")
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let result = try await body(connection, logger)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Every node of an `EXPLAIN (FORMAT JSON)` plan, the top one first.
    static func nodes(_ plan: [String: Any]) -> [[String: Any]] {
        [plan] + ((plan["Plans"] as? [[String: Any]]) ?? []).flatMap(nodes)
    }

    /// The definition of the app's lease index, or nil when it is missing.
    static func leaseIndex(app: String) async throws -> String? {
        try await withConnection { connection, logger in
            let rows = try await connection.query(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = \(app) AND indexname = \(PostgresNames.jobsIndex("lease"))", logger: logger)
            return try await rows.collect().first?.decode(String.self)
        }
    }

    @Test func aStoreMadeBeforeTheLeaseIndexGetsItWhenPreparedAgain() async throws {
        let app = PostgresTestDatabase.freshApp("claimindex")
        let store = try await PostgresTestDatabase.open()
        try await store.prepare(app: app, schema: Self.schema)
        let made = try #require(try await Self.leaseIndex(app: app))
        #expect(made.hasSuffix("(due_at, id, lease_until) WHERE (state = 'running'::text)"), "\(made)")
        try await Self.withConnection { connection, logger in
            let name = PostgresNames.quote(app) + "." + PostgresNames.quote(PostgresNames.jobsIndex("lease"))
            _ = try await connection.query(PostgresQuery(unsafeSQL: "DROP INDEX \(name)"), logger: logger)
        }
        #expect(try await Self.leaseIndex(app: app) == nil)
        let reopened = try await PostgresTestDatabase.open()
        try await reopened.prepare(app: app, schema: Self.schema)
        try await reopened.prepare(app: app, schema: Self.schema)
        #expect(try await Self.leaseIndex(app: app) == made)
        try await reopened.close()
        try await store.drop(app: app)
        try await store.close()
    }

    @Test(arguments: [nil, 1, 2] as [Int?])
    func eachClaimQueryReadsTheClaimIndexInOrderWithoutSorting(kinds: Int?) async throws {
        let app = PostgresTestDatabase.freshApp("claimplan")
        let store = try await PostgresTestDatabase.open()
        try await store.prepare(app: app, schema: Self.schema)
        let table = PostgresNames.jobs(app: app)
        // 100,000 jobs over 5,000 due times: half pending, 100 running with leases, the rest done.
        try await Self.withConnection { connection, logger in
            _ = try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        INSERT INTO \(table) (\(PostgresJobSQL.columns.joined(separator: ", ")))
                        SELECT lpad(n::text, 8, '0'), CASE WHEN n % 10 = 0 THEN 'import' ELSE 'workflow' END, 'score', 'k' || n, '{}', 'r1',
                            to_timestamp(\(Self.t0.seconds) + n % 5000),
                            CASE WHEN n % 2 = 0 THEN 'pending' WHEN n % 1000 = 1 THEN 'running' ELSE 'succeeded' END, 0,
                            CASE WHEN n % 1000 = 1 THEN 'w' END, CASE WHEN n % 1000 = 1 THEN to_timestamp(\(Self.t0.seconds) + n % 5000 + 30) END,
                            NULL, 1, now(), now()
                        FROM generate_series(1, 100000) AS n
                        """), logger: logger)
            _ = try await connection.query(PostgresQuery(unsafeSQL: "ANALYZE \(table)"), logger: logger)
            for claimable in [PostgresJobSQL.Claimable.pending, .expired] {
                var statement = PostgresStatement()
                let time = PostgresJobSQL.time(Self.at(2_500), &statement)
                let names = kinds.map { count in (0..<count).map { statement.parameter(["workflow", "import"][$0]) } }
                statement.sql = "EXPLAIN (FORMAT JSON) " + PostgresJobSQL(app: app).claimQuery(claimable, time: time, kinds: names)
                let rows = try await connection.query(statement.query, logger: logger).collect()
                let text = try #require(rows.first?.makeRandomAccess()[0].bytes.map { String(buffer: $0) })
                let top = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
                let plan = Self.nodes(try #require(top.first?["Plan"] as? [String: Any]))
                let types = plan.map { $0["Node Type"] as? String ?? "" }
                #expect(types == ["Limit", "LockRows", "Index Scan"], "\(claimable): \(text)")
                let index = PostgresNames.jobsIndex(claimable == .pending ? "claim" : "lease")
                #expect(plan.last?["Index Name"] as? String == index, "\(claimable): \(text)")
                #expect(plan.last?["Scan Direction"] as? String == "Forward", "\(claimable): \(text)")
            }
        }
        try await store.drop(app: app)
        try await store.close()
    }

    @Test func pendingJobsAndExpiredLeasesAreTakenEarliestDueFirst() async throws {
        let app = PostgresTestDatabase.freshApp("claimorder")
        let store = try await PostgresTestDatabase.open()
        try await store.prepare(app: app, schema: Self.schema)
        let jobs = try await store.write(app: app) { transaction in
            try [
                Self.job("early", due: 5), Self.job("late", due: 50), Self.job("middle", due: 20), Self.job("other", due: 1, kind: "import"),
                Self.job("done", due: 0),
            ].map { try #require(try transaction.enqueue($0, now: Self.at(0))) }
        }
        _ = try await store.write(app: app) { try $0.updateJob(id: jobs[4].id, expectedVersion: 1, JobChange(state: .succeeded), now: Self.at(0)) }
        // "early" is taken at 10 and its lease runs out at 40; it is due before "middle", which is pending.
        #expect(try await Self.claim(store, app, owner: "w1", now: 10)?.id == jobs[0].id)
        #expect(try await Self.claim(store, app, owner: "w1", now: 10)?.id == nil)
        let taken = try await Self.claim(store, app, owner: "w2", now: 41)
        #expect(taken?.id == jobs[0].id && taken?.leaseOwner == "w2" && taken?.version == 3)
        #expect(try await Self.claim(store, app, owner: "w2", now: 41)?.id == jobs[2].id)
        #expect(try await Self.claim(store, app, owner: "w2", now: 51)?.id == jobs[1].id)
        // Every workflow job is held now: only the import is left, and only for a claim of any kind.
        #expect(try await Self.claim(store, app, owner: "w2", now: 52) == nil)
        #expect(try await Self.claim(store, app, owner: "w2", now: 52, kinds: nil)?.id == jobs[3].id)
        // At 90 every lease has run out; a job enqueued now, due at 30, comes between the expired ones by its due time.
        let added = try await store.write(app: app) { try #require(try $0.enqueue(Self.job("added", due: 30), now: Self.at(90))) }
        var order: [String] = []
        while let job = try await Self.claim(store, app, owner: "w3", now: 90) { order.append(job.id) }
        #expect(order == [jobs[0].id, jobs[2].id, added.id, jobs[1].id])
        // A claim in a write closure (SERIALIZABLE) keeps the same order.
        let last = try await store.write(app: app) { try $0.claimJob(owner: "w4", now: Self.at(200), leaseUntil: Self.at(230), kinds: nil) }
        #expect(last?.id == jobs[3].id)
        try await store.drop(app: app)
        try await store.close()
    }

    @Test func eightConcurrentWorkersClaimEveryJobExactlyOnce() async throws {
        let app = PostgresTestDatabase.freshApp("claimrace")
        var configuration = PostgresStorage.Configuration(address: try PostgresAddress(parsing: try #require(PostgresTestDatabase.url)))
        configuration.maximumConnections = 8
        // One attempt: a claim that conflicted would fail instead of quietly running again.
        configuration.writeAttempts = 1
        let store = try await PostgresStorage(configuration: configuration)
        try await store.prepare(app: app, schema: Self.schema)
        let jobCount = 200
        let enqueued = try await store.write(app: app) { transaction in
            try (0..<jobCount).map { try #require(try transaction.enqueue(Self.job("j\($0)", due: Int64($0 % 13)), now: Self.at(0))) }
        }
        let claimed = try await withThrowingTaskGroup(of: [Job].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var claimed: [Job] = []
                    while let job = try await Self.claim(store, app, owner: "w\(worker)", now: 100) { claimed.append(job) }
                    return claimed
                }
            }
            var all: [Job] = []
            for try await claims in group { all += claims }
            return all
        }
        #expect(claimed.count == jobCount)
        #expect(Set(claimed.map(\.id)) == Set(enqueued.map(\.id)))
        #expect(claimed.allSatisfy { $0.version == 2 && $0.state == .running })
        let stored = try await store.read(app: app) { try $0.jobs(JobQuery(limit: JobQuery.maximumLimit)) }
        let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0) })
        #expect(claimed.allSatisfy { byID[$0.id] == $0 })
        try await store.drop(app: app)
        try await store.close()
    }
}
