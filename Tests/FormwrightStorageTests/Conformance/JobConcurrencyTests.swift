import FormwrightCore
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

/// Several workers on one queue: every job is claimed exactly once, whether the workers share
/// a store or each opens its own (separate connections, as separate processes would).
@Suite struct JobConcurrencyTests {
    @Test(arguments: BackendFactory.all)
    func concurrentClaimersTakeEveryJobExactlyOnce(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let jobCount = 60
        let workers = 6
        let enqueued = try await JobFixtures.enqueue(store, (0..<jobCount).map { JobFixtures.job("e\($0)", due: Int64($0 % 7)) })
        var stores: [any StorageBackend] = [store]
        for _ in 1..<3 { stores.append(try await factory.sibling(of: store, folder)) }
        let claimsByWorker = try await withThrowingTaskGroup(of: [Job].self) { group in
            for worker in 0..<workers {
                let workerStore = stores[worker % stores.count]
                group.addTask {
                    var claimed: [Job] = []
                    while let job = try await JobFixtures.claim(workerStore, owner: "w\(worker)", now: JobFixtures.at(100), lease: 60) {
                        claimed.append(job)
                    }
                    return claimed
                }
            }
            var all: [[Job]] = []
            for try await claims in group { all.append(claims) }
            return all
        }
        let claimed = claimsByWorker.flatMap { $0 }
        #expect(claimed.count == jobCount)
        #expect(Set(claimed.map(\.id)) == Set(enqueued.map(\.id)))
        #expect(claimed.allSatisfy { $0.version == 2 })
        // What each claim returned is what the store holds: no later claim overwrote it.
        let stored = Dictionary(uniqueKeysWithValues: try await JobFixtures.all(store).map { ($0.id, $0) })
        #expect(claimed.allSatisfy { stored[$0.id] == $0 })
        if factory.name != BackendFactory.memory.name {
            for sibling in stores.dropFirst() { try await sibling.close() }
        }
        try await store.close()
    }

    @Test func sqliteJobsSurviveACrash() async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(.sqlite, folder)
        let jobs = try await JobFixtures.enqueue(store, [JobFixtures.job("e1"), JobFixtures.job("e2", due: 5)])
        let claimed = try #require(try await JobFixtures.claim(store, owner: "w1", now: JobFixtures.at(1)))
        // The files as a crash would leave them: copied while the store is still open, its WAL
        // not checkpointed and no clean close.
        let crashed = try TemporaryFolder()
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: folder.path("data.sqlite" + suffix)) {
            try FileManager.default.copyItem(atPath: folder.path("data.sqlite" + suffix), toPath: crashed.path("data.sqlite" + suffix))
        }
        let reopened = try await SQLiteStorage(path: crashed.path("data.sqlite"))
        #expect(try await reopened.read(app: "crm") { try $0.job(id: claimed.id) } == claimed)
        #expect(try await reopened.read(app: "crm") { try $0.job(id: jobs[1].id) } == jobs[1])
        let next = try await JobFixtures.claim(reopened, owner: "w2", now: JobFixtures.at(10))
        #expect(next?.id == jobs[1].id)
        try await reopened.close()
        try await store.close()
    }
}
