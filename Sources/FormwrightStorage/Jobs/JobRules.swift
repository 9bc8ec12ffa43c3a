public import FormwrightCore

/// The checks and state changes every backend applies to jobs, written once so that all of
/// them accept, refuse and change jobs alike; a backend only reads and writes rows.
public enum JobRules {
    /// Refuses text no backend can store (NUL), or empty text where `empty` is false.
    static func checkText(_ text: String, _ what: String, empty: Bool = true) throws {
        if !empty, text.isEmpty { throw StorageError(.invalidValue, "a job's \(what) must not be empty") }
        if text.utf8.contains(0) { throw StorageError(.invalidValue, "a job's \(what) contains a NUL character") }
    }

    /// `time` kept to the microsecond, or ``StorageError/Code/invalidValue`` outside years 0001 to 9999.
    static func stored(_ time: Timestamp, _ what: String) throws -> Timestamp {
        guard let micros = ColumnType.microseconds(time) else {
            throw StorageError(.invalidValue, "a job's \(what) is outside years 0001 to 9999")
        }
        return ColumnType.timestamp(microseconds: micros)
    }

    /// A new job as first stored: pending, no attempts, version 1.
    ///
    /// - Parameters:
    ///   - new: the job to store, already ``NewJob/checked()``.
    ///   - id: its new id.
    ///   - now: the time of the write.
    public static func created(_ new: NewJob, id: String, now: Timestamp) throws -> Job {
        let time = try stored(now, "time of writing")
        return Job(
            id: id, kind: new.kind, name: new.name, dedupKey: new.dedupKey, payload: new.payload, revision: new.revision, dueAt: new.dueAt,
            state: .pending, attempts: 0, leaseOwner: nil, leaseUntil: nil, lastError: nil, version: 1, createdAt: time, updatedAt: time)
    }

    /// Checks a claim's owner and lease end, both kept to the microsecond.
    ///
    /// - Throws: ``StorageError/Code/invalidValue`` for an empty owner or a lease that does not end after `now`.
    public static func checkedClaim(owner: String, now: Timestamp, leaseUntil: Timestamp) throws -> (now: Timestamp, leaseUntil: Timestamp) {
        try checkText(owner, "lease owner", empty: false)
        let time = try stored(now, "time of writing")
        let until = try stored(leaseUntil, "lease end")
        guard time < until else { throw StorageError(.invalidValue, "a job's lease must end after the time of the claim") }
        return (time, until)
    }

    /// Whether a claim at `now` may take `job`: pending and due, or running with its lease run out.
    public static func isClaimable(_ job: Job, now: Timestamp, kinds: Set<String>?) -> Bool {
        if let kinds, !kinds.contains(job.kind) { return false }
        switch job.state {
        case .pending: return job.dueAt <= now
        case .running: return job.leaseUntil.map { $0 < now } ?? false
        case .succeeded, .failed, .cancelled: return false
        }
    }

    /// Claim order: earliest `dueAt` first, ties by id as UTF-8 bytes.
    public static func claimsBefore(_ left: Job, _ right: Job) -> Bool {
        if left.dueAt != right.dueAt { return left.dueAt < right.dueAt }
        return left.id.utf8.lexicographicallyPrecedes(right.id.utf8)
    }

    /// Listing order: newest `createdAt` first, ties by id, larger first.
    public static func listsBefore(_ left: Job, _ right: Job) -> Bool {
        if left.createdAt != right.createdAt { return left.createdAt > right.createdAt }
        return right.id.utf8.lexicographicallyPrecedes(left.id.utf8)
    }

    /// `job` claimed: running, held by `owner` until `leaseUntil`, one version later.
    ///
    /// The arguments come from ``checkedClaim(owner:now:leaseUntil:)``.
    public static func claimed(_ job: Job, owner: String, now: Timestamp, leaseUntil: Timestamp) throws -> Job {
        try changed(job, JobChange(state: .running, lease: .hold(owner: owner, until: leaseUntil)), now: now)
    }

    /// `job` after `change`, one version later, `updatedAt` set to `now`.
    ///
    /// - Throws: ``StorageError/Code/invalidValue`` for a value no backend can store, and
    ///   ``StorageError/Code/backendFailure`` when the version would overflow.
    public static func changed(_ job: Job, _ change: JobChange, now: Timestamp) throws -> Job {
        var next = job
        next.updatedAt = try stored(now, "time of writing")
        if let state = change.state { next.state = state }
        if let payload = change.payload {
            try checkText(payload, "payload")
            next.payload = payload
        }
        if let dueAt = change.dueAt { next.dueAt = try stored(dueAt, "due time") }
        if let attempts = change.attempts {
            guard attempts >= 0 else { throw StorageError(.invalidValue, "a job's attempts must not be negative") }
            next.attempts = attempts
        }
        switch change.lastError {
        case .keep: break
        case .set(let message):
            try checkText(message, "error")
            next.lastError = message
        case .clear: next.lastError = nil
        }
        switch change.lease {
        case .keep: break
        case .hold(let owner, let until):
            try checkText(owner, "lease owner", empty: false)
            next.leaseOwner = owner
            next.leaseUntil = try stored(until, "lease end")
        case .release:
            next.leaseOwner = nil
            next.leaseUntil = nil
        }
        let (version, overflow) = job.version.addingReportingOverflow(1)
        guard !overflow else { throw StorageError(.backendFailure, "job '\(job.id)' has run out of versions") }
        next.version = version
        return next
    }

    /// The job a change applies to: ``StorageError/Code/notFound`` when missing,
    /// ``StorageError/Code/versionConflict`` when its version is not `expectedVersion`.
    public static func existing(_ job: Job?, id: String, expectedVersion: Int64) throws -> Job {
        guard let job else { throw StorageError.jobNotFound(id: id) }
        guard job.version == expectedVersion else {
            throw StorageError.jobVersionConflict(id: id, expected: expectedVersion, found: job.version)
        }
        return job
    }
}
