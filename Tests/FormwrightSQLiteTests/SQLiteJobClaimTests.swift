import FormwrightCore
import FormwrightStorage
import GRDB
import Testing

@testable import FormwrightSQLite

/// A claim reads one row of each kind of claimable job in the claim index's order, however long
/// the queue is, and takes the earlier of the two.
@Suite struct SQLiteJobClaimTests {
    static func at(_ seconds: Int64) -> Timestamp {
        Timestamp(seconds: SQLiteFixtures.now.seconds + seconds)
    }

    static func job(_ key: String, due: Int64, kind: String = "workflow") -> NewJob {
        NewJob(kind: kind, name: "score", dedupKey: key, payload: "{}", revision: "r1", dueAt: at(due))
    }

    static func claim(_ store: SQLiteStorage, owner: String, now: Int64, kinds: Set<String>? = ["workflow"]) async throws -> Job? {
        try await store.write(app: "crm") { try $0.claimJob(owner: owner, now: at(now), leaseUntil: at(now + 30), kinds: kinds) }
    }

    @Test(arguments: [nil, 1, 2] as [Int?])
    func eachClaimQueryIsOneOrderedRangeOfTheClaimIndex(kinds: Int?) async throws {
        let folder = try TemporaryFolder()
        let store = try await SQLiteStorage(path: folder.path("data.sqlite"))
        try await store.prepare(app: "crm", schema: SQLiteFixtures.schema)
        let sql = SQLiteJobSQL(app: "crm")
        let index = SQLiteNames.jobsIndex(app: "crm", "claim")
        for claimable in [SQLiteJobSQL.Claimable.pending, .expired] {
            let query = sql.claimQuery(claimable, kinds: kinds)
            let arguments = StatementArguments([Int64(0).databaseValue] + (0..<(kinds ?? 0)).map { "kind\($0)".databaseValue })
            let plan = try await store.pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query, arguments: arguments).map { $0["detail"] as String }
            }
            #expect(plan.count == 1, "\(claimable): \(plan)")
            #expect(plan.allSatisfy { $0.hasPrefix("SEARCH ") && $0.contains("USING INDEX \(index) (state=?") }, "\(claimable): \(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(claimable): \(plan)")
        }
        try await store.close()
    }

    @Test func pendingJobsAndExpiredLeasesAreTakenEarliestDueFirst() async throws {
        let folder = try TemporaryFolder()
        let store = try await SQLiteStorage(path: folder.path("data.sqlite"))
        try await store.prepare(app: "crm", schema: SQLiteFixtures.schema)
        let jobs = try await store.write(app: "crm") { transaction in
            try [
                Self.job("early", due: 5), Self.job("late", due: 50), Self.job("middle", due: 20), Self.job("other", due: 1, kind: "import"),
                Self.job("done", due: 0),
            ].map { try #require(try transaction.enqueue($0, now: Self.at(0))) }
        }
        _ = try await store.write(app: "crm") { try $0.updateJob(id: jobs[4].id, expectedVersion: 1, JobChange(state: .succeeded), now: Self.at(0)) }
        // "early" is taken at 10 and its lease runs out at 40; it is due before "middle", which is pending.
        #expect(try await Self.claim(store, owner: "w1", now: 10)?.id == jobs[0].id)
        #expect(try await Self.claim(store, owner: "w1", now: 10)?.id == nil)
        let taken = try await Self.claim(store, owner: "w2", now: 41)
        #expect(taken?.id == jobs[0].id && taken?.leaseOwner == "w2" && taken?.version == 3)
        #expect(try await Self.claim(store, owner: "w2", now: 41)?.id == jobs[2].id)
        #expect(try await Self.claim(store, owner: "w2", now: 51)?.id == jobs[1].id)
        // Every workflow job is held now: only the import is left, and only for a claim of any kind.
        #expect(try await Self.claim(store, owner: "w2", now: 52) == nil)
        #expect(try await Self.claim(store, owner: "w2", now: 52, kinds: nil)?.id == jobs[3].id)
        // At 90 every lease has run out; a job enqueued now, due at 30, comes between the expired ones by its due time.
        let added = try await store.write(app: "crm") { try #require(try $0.enqueue(Self.job("added", due: 30), now: Self.at(90))) }
        var order: [String] = []
        while let job = try await Self.claim(store, owner: "w3", now: 90) { order.append(job.id) }
        #expect(order == [jobs[0].id, jobs[2].id, added.id, jobs[1].id])
        try await store.close()
    }
}
