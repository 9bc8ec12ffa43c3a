import FormwrightCore
import FormwrightStorage
import Testing

/// The job queue on every backend: dedup, atomicity with records, claim order, leases and
/// fencing, lists and summaries.
@Suite struct JobConformanceTests {
    @Test(arguments: BackendFactory.all)
    func enqueueStoresTheJobAndADuplicateKeyWritesNothing(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let now = Timestamp(seconds: 1_800_000_000, nanos: 123_456_789)
        let job = try #require(try await store.write(app: "crm") { try $0.enqueue(JobFixtures.job("e1", due: 5), now: now) })
        #expect(RecordID.isValid(job.id))
        #expect(job.kind == "workflow" && job.name == "score" && job.dedupKey == "e1" && job.revision == "r1")
        #expect(job.payload == #"{"key":"e1"}"#)
        #expect(job.state == .pending && job.attempts == 0 && job.version == 1)
        #expect(job.leaseOwner == nil && job.leaseUntil == nil && job.lastError == nil)
        #expect(job.dueAt == JobFixtures.at(5))
        #expect(job.createdAt == Timestamp(seconds: 1_800_000_000, nanos: 123_456_000) && job.updatedAt == job.createdAt)
        #expect(try await store.read(app: "crm") { try $0.job(id: job.id) } == job)

        var again = JobFixtures.job("e1", due: 9)
        again.payload = "{}"
        let duplicate = try await store.write(app: "crm") { [again] in try $0.enqueue(again, now: JobFixtures.at(1)) }
        #expect(duplicate == nil)
        #expect(try await JobFixtures.all(store) == [job])

        // Finished jobs keep their key: the same event never runs twice.
        _ = try await store.write(app: "crm") { try $0.updateJob(id: job.id, expectedVersion: 1, JobChange(state: .succeeded), now: now) }
        let afterFinish = try await store.write(app: "crm") { [again] in try $0.enqueue(again, now: now) }
        #expect(afterFinish == nil)
        #expect(try await JobFixtures.all(store).count == 1)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func badJobsAreRefusedAndNothingIsWritten(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let emptyKey = JobFixtures.job("")
        var nul = JobFixtures.job("n1")
        nul.payload = "a\u{0}b"
        var farFuture = JobFixtures.job("f1")
        farFuture.dueAt = Timestamp(seconds: 400_000_000_000)
        for bad in [emptyKey, nul, farFuture] {
            let error = await #expect(throws: StorageError.self) {
                try await store.write(app: "crm") { try $0.enqueue(bad, now: JobFixtures.t0) }
            }
            #expect(error?.code == .invalidValue)
        }
        let badClaim = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") { try $0.claimJob(owner: "", now: JobFixtures.t0, leaseUntil: JobFixtures.at(5), kinds: nil) }
        }
        #expect(badClaim?.code == .invalidValue)
        let badLease = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") { try $0.claimJob(owner: "w", now: JobFixtures.t0, leaseUntil: JobFixtures.t0, kinds: nil) }
        }
        #expect(badLease?.code == .invalidValue)
        let badLimit = await #expect(throws: StorageError.self) {
            try await store.read(app: "crm") { try $0.jobs(JobQuery(limit: 0)) }
        }
        #expect(badLimit?.code == .invalidQuery)
        #expect(try await JobFixtures.all(store).isEmpty)

        let job = try await JobFixtures.enqueue(store, [JobFixtures.job("ok")])[0]
        let negative = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") { try $0.updateJob(id: job.id, expectedVersion: 1, JobChange(attempts: -1), now: JobFixtures.t0) }
        }
        #expect(negative?.code == .invalidValue)
        let missing = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") { try $0.updateJob(id: "nope", expectedVersion: 1, JobChange(state: .failed), now: JobFixtures.t0) }
        }
        #expect(missing?.code == .notFound)
        #expect(try await JobFixtures.all(store) == [job])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func aJobIsWrittenExactlyWhenItsRecordIs(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        struct Abort: Error {}
        await #expect(throws: Abort.self) {
            try await store.write(app: "crm") { transaction in
                _ = try transaction.insert(table: "customers", id: "c1", fields: ["name": .string("Ada")], revision: "r1", now: JobFixtures.t0)
                _ = try transaction.enqueue(JobFixtures.job("customers/c1/created"), now: JobFixtures.t0)
                throw Abort()
            }
        }
        #expect(try await store.read(app: "crm") { try $0.record(table: "customers", id: "c1") } == nil)
        #expect(try await JobFixtures.all(store).isEmpty)

        let (record, job) = try await store.write(app: "crm") { transaction in
            let record = try transaction.insert(table: "customers", id: "c1", fields: ["name": .string("Ada")], revision: "r1", now: JobFixtures.t0)
            return (record, try transaction.enqueue(JobFixtures.job("customers/c1/created"), now: JobFixtures.t0))
        }
        #expect(try await store.read(app: "crm") { try $0.record(table: "customers", id: "c1") } == record)
        #expect(try await JobFixtures.all(store) == [try #require(job)])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func claimsTakeDueJobsEarliestFirst(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let jobs = try await JobFixtures.enqueue(
            store,
            [
                JobFixtures.job("c", due: 30), JobFixtures.job("a", due: 10), JobFixtures.job("b", due: 20), JobFixtures.job("b2", due: 20),
                JobFixtures.job("later", due: 500), JobFixtures.job("other", due: 1, kind: "import"),
            ])
        let tied = [jobs[2], jobs[3]].sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        var order: [String] = []
        while let job = try await JobFixtures.claim(store, owner: "w1", now: JobFixtures.at(100), kinds: ["workflow"]) {
            #expect(job.state == .running && job.leaseOwner == "w1" && job.leaseUntil == JobFixtures.at(130) && job.version == 2)
            #expect(job.attempts == 0 && job.updatedAt == JobFixtures.at(100))
            order.append(job.id)
        }
        #expect(order == [jobs[1].id, tied[0].id, tied[1].id, jobs[0].id])
        #expect(try await JobFixtures.claim(store, owner: "w1", now: JobFixtures.at(100), kinds: []) == nil)
        let other = try await JobFixtures.claim(store, owner: "w1", now: JobFixtures.at(100))
        #expect(other?.id == jobs[5].id)
        // Not yet due, and every lease (until 130) still held.
        #expect(try await JobFixtures.claim(store, owner: "w1", now: JobFixtures.at(129)) == nil)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func anExpiredLeaseIsTakenOverAndTheOldOwnerIsFencedOff(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let deal = try await Fixtures.insert(store, [["name": .string("Ada"), "visits": .int(1)]])[0]
        _ = try await JobFixtures.enqueue(store, [JobFixtures.job("e1")])
        let first = try #require(try await JobFixtures.claim(store, owner: "w1", now: JobFixtures.at(1), lease: 30))
        // Still leased at its last instant: nobody else may take it.
        #expect(try await JobFixtures.claim(store, owner: "w2", now: JobFixtures.at(31)) == nil)
        let second = try #require(try await JobFixtures.claim(store, owner: "w2", now: JobFixtures.at(32), lease: 30))
        #expect(second.id == first.id && second.leaseOwner == "w2" && second.version == first.version + 1)

        let stale = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") { transaction in
                _ = try transaction.update(
                    table: "customers", id: deal.id, fields: ["visits": .int(99)], expectedVersion: nil, revision: "r1", now: JobFixtures.at(33))
                return try transaction.updateJob(
                    id: first.id, expectedVersion: first.version, JobChange(state: .succeeded, lease: .release), now: JobFixtures.at(33))
            }
        }
        #expect(stale?.code == .versionConflict)
        #expect(try await store.read(app: "crm") { try $0.job(id: first.id) } == second)
        #expect(try await store.read(app: "crm") { try $0.record(table: "customers", id: deal.id) }?.fields["visits"] == .int(1))

        let (record, done) = try await store.write(app: "crm") { transaction in
            let record = try transaction.update(
                table: "customers", id: deal.id, fields: ["visits": .int(2)], expectedVersion: nil, revision: "r1", now: JobFixtures.at(34))
            let done = try transaction.updateJob(
                id: second.id, expectedVersion: second.version, JobChange(state: .succeeded, attempts: 1, lease: .release), now: JobFixtures.at(34))
            return (record, done)
        }
        #expect(record.fields["visits"] == .int(2))
        #expect(done.state == .succeeded && done.leaseOwner == nil && done.leaseUntil == nil && done.attempts == 1)
        #expect(done.version == second.version + 1 && done.updatedAt == JobFixtures.at(34))
        #expect(try await store.read(app: "crm") { try $0.job(id: first.id) } == done)
        // Finished jobs are never claimed again, however late.
        #expect(try await JobFixtures.claim(store, owner: "w3", now: JobFixtures.at(10_000)) == nil)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func updateJobChangesWhatItNamesAndKeepsTheRest(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let job = try await JobFixtures.enqueue(store, [JobFixtures.job("e1")])[0]
        let held = try await store.write(app: "crm") { transaction in
            try transaction.updateJob(
                id: job.id, expectedVersion: 1,
                JobChange(
                    payload: #"{"step":2}"#, dueAt: JobFixtures.at(60), attempts: 3, lastError: .set("timed out"),
                    lease: .hold(owner: "w9", until: JobFixtures.at(90))),
                now: JobFixtures.at(2))
        }
        #expect(held.state == .pending && held.payload == #"{"step":2}"# && held.dueAt == JobFixtures.at(60) && held.attempts == 3)
        #expect(held.lastError == "timed out" && held.leaseOwner == "w9" && held.leaseUntil == JobFixtures.at(90) && held.version == 2)
        #expect(held.createdAt == job.createdAt && held.kind == job.kind && held.dedupKey == job.dedupKey)
        let cleared = try await store.write(app: "crm") { transaction in
            try transaction.updateJob(
                id: job.id, expectedVersion: 2, JobChange(state: .failed, lastError: .clear, lease: .release), now: JobFixtures.at(3))
        }
        #expect(cleared.state == .failed && cleared.lastError == nil && cleared.leaseOwner == nil && cleared.leaseUntil == nil)
        #expect(cleared.payload == held.payload && cleared.attempts == 3 && cleared.version == 3)
        #expect(try await store.read(app: "crm") { try $0.job(id: job.id) } == cleared)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func listsAndSummariesShowTheQueue(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        var jobs: [Job] = []
        for (index, new) in [
            JobFixtures.job("a", due: 50), JobFixtures.job("b", due: 20, name: "notify"), JobFixtures.job("c", due: 200),
            JobFixtures.job("d", due: 5, kind: "import"), JobFixtures.job("e", due: 1),
        ].enumerated() {
            jobs += try await JobFixtures.enqueue(store, [new], now: JobFixtures.at(Int64(index)))
        }
        _ = try await store.write(app: "crm") { [jobs] in
            try $0.updateJob(id: jobs[4].id, expectedVersion: 1, JobChange(state: .succeeded), now: JobFixtures.t0)
        }
        _ = try #require(try await JobFixtures.claim(store, owner: "w", now: JobFixtures.at(10)))  // takes "d", due at 5

        let summary = try await store.read(app: "crm") { try $0.jobSummary(now: JobFixtures.at(60)) }
        #expect(summary.counts == [.pending: 3, .running: 1, .succeeded: 1])
        #expect(summary.count(.failed) == 0 && summary.duePending == 2 && summary.oldestPendingDueAt == JobFixtures.at(20))

        let ids = { (list: [Job]) in list.map(\.dedupKey) }
        #expect(ids(try await JobFixtures.all(store)) == ["e", "d", "c", "b", "a"])
        #expect(ids(try await store.read(app: "crm") { try $0.jobs(JobQuery(states: [.pending])) }) == ["c", "b", "a"])
        #expect(ids(try await store.read(app: "crm") { try $0.jobs(JobQuery(states: [.running, .succeeded])) }) == ["e", "d"])
        #expect(ids(try await store.read(app: "crm") { try $0.jobs(JobQuery(states: [])) }).isEmpty)
        #expect(ids(try await store.read(app: "crm") { try $0.jobs(JobQuery(name: "notify")) }) == ["b"])
        #expect(ids(try await store.read(app: "crm") { try $0.jobs(JobQuery(kind: "import")) }) == ["d"])

        var query = JobQuery(kind: "workflow", limit: 2)
        var pages: [[String]] = []
        for _ in 0..<5 {
            let page = try await store.read(app: "crm") { [query] in try $0.jobs(query) }
            if page.isEmpty { break }
            pages.append(ids(page))
            query.after = page.last.map(JobQuery.Position.init)
        }
        #expect(pages == [["e", "c"], ["b", "a"]])

        // Jobs enqueued in the same instant list by id, larger first, and page without gaps.
        let same = try await JobFixtures.enqueue(store, (0..<5).map { JobFixtures.job("s\($0)") }, now: JobFixtures.at(-100))
        var tail = JobQuery(states: [.pending], name: "score", limit: 2, after: JobQuery.Position(jobs[0]))
        var seen: [String] = []
        for _ in 0..<5 {
            let page = try await store.read(app: "crm") { [tail] in try $0.jobs(tail) }
            if page.isEmpty { break }
            seen += page.map(\.id)
            tail.after = page.last.map(JobQuery.Position.init)
        }
        #expect(seen == same.map(\.id).sorted { $1.utf8.lexicographicallyPrecedes($0.utf8) })
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func appsKeepTheirQueuesApart(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        try await store.prepare(app: "east-pod", schema: Fixtures.schema)
        let crm = try await JobFixtures.enqueue(store, [JobFixtures.job("shared")])[0]
        let east = try await JobFixtures.enqueue(store, app: "east-pod", [JobFixtures.job("shared")])[0]
        #expect(try await JobFixtures.all(store) == [crm])
        #expect(try await JobFixtures.all(store, app: "east-pod") == [east])
        #expect(try await store.read(app: "crm") { try $0.job(id: east.id) } == nil)
        #expect(try await JobFixtures.claim(store, owner: "w", now: JobFixtures.at(1))?.id == crm.id)
        #expect(try await JobFixtures.claim(store, owner: "w", now: JobFixtures.at(1)) == nil)
        #expect(try await store.read(app: "east-pod") { try $0.jobSummary(now: JobFixtures.at(1)) }.counts == [.pending: 1])
        let elsewhere = await #expect(throws: StorageError.self) {
            try await store.write(app: "east-pod") {
                try $0.updateJob(id: crm.id, expectedVersion: 2, JobChange(state: .failed), now: JobFixtures.t0)
            }
        }
        #expect(elsewhere?.code == .notFound)

        let unprepared = await #expect(throws: StorageError.self) {
            try await store.write(app: "west") { try $0.enqueue(JobFixtures.job("x"), now: JobFixtures.t0) }
        }
        #expect(unprepared?.code == .unknownTable)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func migrationPlansNeverShowTheJobTable(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try #require(try await Fixtures.prepared(factory, folder) as? any MigratingBackend)
        _ = try await JobFixtures.enqueue(store, [JobFixtures.job("e1")])
        #expect(try await store.storedTables(app: "crm").map(\.name) == ["customers", "orders"])
        #expect(try await store.plan(app: "crm", schema: Fixtures.schema, revision: "r2").isEmpty)
        // Dropping every table of the app leaves its queue alone.
        let plan = try await store.plan(app: "crm", schema: [], revision: "r3")
        _ = try await store.apply(plan, allowDestructive: true, now: JobFixtures.t0)
        #expect(try await JobFixtures.all(store).map(\.dedupKey) == ["e1"])
        try await store.close()
    }
}
