public import FormwrightCore

/// What ``WriteTransaction/updateJob(id:expectedVersion:_:now:)`` changes in a job; every
/// property left at its default keeps the job's value.
///
/// ```swift
/// // A step finished: its record changes and the job's completion commit together.
/// try await store.write(app: "crm") { transaction in
///     _ = try transaction.update(table: "deals", id: dealID, fields: changes, expectedVersion: nil, revision: revision, now: now)
///     return try transaction.updateJob(
///         id: job.id, expectedVersion: job.version, JobChange(state: .succeeded, lease: .release), now: now)
/// }
/// ```
public struct JobChange: Sendable, Hashable {
    /// A change to the job's last error.
    public enum ErrorUpdate: Sendable, Hashable {
        /// Keep the recorded error.
        case keep
        /// Record this error.
        case set(String)
        /// Remove the recorded error.
        case clear
    }

    /// A change to the job's lease.
    public enum LeaseUpdate: Sendable, Hashable {
        /// Keep the lease as it is.
        case keep
        /// Give the lease to `owner` until `until` (a running job holds a lease while it runs).
        case hold(owner: String, until: Timestamp)
        /// Remove the lease; meant for a job leaving `running` (a running job without a lease
        /// has no end for a claim to wait out, so it is never claimed again).
        case release
    }

    /// The new state, or nil to keep it.
    public var state: JobState?
    /// The new payload (JSON text), or nil to keep it.
    public var payload: String?
    /// The new earliest claim time, or nil to keep it.
    public var dueAt: Timestamp?
    /// The new attempt count (not negative), or nil to keep it.
    public var attempts: Int?
    /// The change to the last error.
    public var lastError: ErrorUpdate
    /// The change to the lease.
    public var lease: LeaseUpdate

    /// Creates a change.
    ///
    /// - Parameters:
    ///   - state: the new state.
    ///   - payload: the new payload.
    ///   - dueAt: the new earliest claim time.
    ///   - attempts: the new attempt count.
    ///   - lastError: the change to the last error.
    ///   - lease: the change to the lease.
    public init(
        state: JobState? = nil, payload: String? = nil, dueAt: Timestamp? = nil, attempts: Int? = nil, lastError: ErrorUpdate = .keep,
        lease: LeaseUpdate = .keep
    ) {
        self.state = state
        self.payload = payload
        self.dueAt = dueAt
        self.attempts = attempts
        self.lastError = lastError
        self.lease = lease
    }
}
