import FormwrightCore

extension MemoryApp {
    /// Refuses job calls on an app never prepared, as the SQL backends (which have no job table yet) do.
    func checkJobQueue(app: String) throws {
        guard schema != nil else { throw StorageError.noJobQueue(app: app) }
    }

    mutating func enqueue(_ new: NewJob, app: String, now: Timestamp) throws -> Job? {
        try checkJobQueue(app: app)
        let checked = try new.checked()
        let job = try JobRules.created(checked, id: RecordID.generate(), now: now)
        guard jobIDsByDedupKey[checked.dedupKey] == nil else { return nil }
        jobsByID[job.id] = job
        jobIDsByDedupKey[job.dedupKey] = job.id
        return job
    }

    mutating func claimJob(owner: String, app: String, now: Timestamp, leaseUntil: Timestamp, kinds: Set<String>?) throws -> Job? {
        try checkJobQueue(app: app)
        let claim = try JobRules.checkedClaim(owner: owner, now: now, leaseUntil: leaseUntil)
        let candidates = jobsByID.values.filter { JobRules.isClaimable($0, now: claim.now, kinds: kinds) }
        guard let next = candidates.min(by: JobRules.claimsBefore) else { return nil }
        let claimed = try JobRules.claimed(next, owner: owner, now: claim.now, leaseUntil: claim.leaseUntil)
        jobsByID[claimed.id] = claimed
        return claimed
    }

    mutating func updateJob(id: String, app: String, expectedVersion: Int64, _ change: JobChange, now: Timestamp) throws -> Job {
        try checkJobQueue(app: app)
        let job = try JobRules.existing(jobsByID[id], id: id, expectedVersion: expectedVersion)
        let changed = try JobRules.changed(job, change, now: now)
        jobsByID[id] = changed
        return changed
    }

    func jobs(_ query: JobQuery, app: String) throws -> [Job] {
        try checkJobQueue(app: app)
        let checked = try query.checked()
        let listed = jobsByID.values.filter { checked.matches($0) && checked.isAfterPosition($0) }.sorted(by: JobRules.listsBefore)
        return Array(listed.prefix(checked.limit))
    }

    func jobSummary(app: String, now: Timestamp) throws -> JobSummary {
        try checkJobQueue(app: app)
        let time = try now.storedPrecision()
        var counts: [JobState: Int] = [:]
        var duePending = 0
        var oldest: Timestamp?
        for job in jobsByID.values {
            counts[job.state, default: 0] += 1
            guard job.state == .pending else { continue }
            if job.dueAt <= time { duePending += 1 }
            oldest = min(oldest ?? job.dueAt, job.dueAt)
        }
        return JobSummary(counts: counts, duePending: duePending, oldestPendingDueAt: oldest)
    }
}
