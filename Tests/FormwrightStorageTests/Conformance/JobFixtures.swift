import FormwrightCore
import FormwrightStorage

/// Jobs and times shared by the job queue tests.
enum JobFixtures {
    static let t0 = Timestamp(seconds: 1_800_000_000)

    /// `seconds` after ``t0``.
    static func at(_ seconds: Int64) -> Timestamp {
        Timestamp(seconds: t0.seconds + seconds)
    }

    static func job(_ key: String, due: Int64 = 0, kind: String = "workflow", name: String = "score") -> NewJob {
        NewJob(kind: kind, name: name, dedupKey: key, payload: #"{"key":"\#(key)"}"#, revision: "r1", dueAt: at(due))
    }

    /// Enqueues each job in one write of app `app`, returning them as stored (all must be new).
    static func enqueue(_ store: any StorageBackend, app: String = "crm", _ jobs: [NewJob], now: Timestamp = t0) async throws -> [Job] {
        try await store.write(app: app) { transaction in
            try jobs.map { new in
                guard let job = try transaction.enqueue(new, now: now) else { throw StorageError(.alreadyExists, "dedup key taken") }
                return job
            }
        }
    }

    /// One claim in a transaction of its own, as workers claim.
    static func claim(
        _ store: any StorageBackend, app: String = "crm", owner: String, now: Timestamp, lease: Int64 = 30, kinds: Set<String>? = nil
    ) async throws -> Job? {
        try await store.claimJob(app: app, owner: owner, now: now, leaseUntil: Timestamp(seconds: now.seconds + lease), kinds: kinds)
    }

    static func all(_ store: any StorageBackend, app: String = "crm") async throws -> [Job] {
        try await store.read(app: app) { try $0.jobs(JobQuery(limit: JobQuery.maximumLimit)) }
    }
}
