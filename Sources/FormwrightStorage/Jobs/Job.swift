public import FormwrightCore

/// A job as an app's queue stores it: what ``NewJob`` asked for, and where it stands.
///
/// ``version`` grows by one on every change, claims included, and
/// ``WriteTransaction/updateJob(id:expectedVersion:_:now:)`` refuses any other version: it is
/// the fencing token that keeps a worker whose lease was taken over from committing.
public struct Job: Sendable, Hashable {
    /// The job's opaque, URL-safe id (see ``RecordID``).
    public var id: String
    /// What runs the job, such as `workflow`.
    public var kind: String
    /// Which one of its kind, such as the workflow's name.
    public var name: String
    /// The job's unique key in its app.
    public var dedupKey: String
    /// What the job needs to run, as JSON text, kept as given.
    public var payload: String
    /// The definition revision the job was made under.
    public var revision: String
    /// The earliest time the job may be claimed (microsecond precision).
    public var dueAt: Timestamp
    /// Where the job stands.
    public var state: JobState
    /// How many times the job has been tried, as its runner counts them.
    public var attempts: Int
    /// Who holds the lease, or nil.
    public var leaseOwner: String?
    /// When the lease runs out, or nil; a running job whose lease ended before now can be claimed again.
    public var leaseUntil: Timestamp?
    /// The last error its runner recorded, or nil.
    public var lastError: String?
    /// Starts at 1 and grows by one on every change.
    public var version: Int64
    /// When the job was enqueued.
    public var createdAt: Timestamp
    /// When the job last changed.
    public var updatedAt: Timestamp

    /// Creates a job value, as backends read it from their rows.
    ///
    /// - Parameters:
    ///   - id: the job's id.
    ///   - kind: what runs it.
    ///   - name: which one of its kind.
    ///   - dedupKey: its unique key in its app.
    ///   - payload: its JSON text.
    ///   - revision: the definition revision.
    ///   - dueAt: the earliest time it may be claimed.
    ///   - state: where it stands.
    ///   - attempts: how many times it has been tried.
    ///   - leaseOwner: who holds the lease.
    ///   - leaseUntil: when the lease runs out.
    ///   - lastError: the last error recorded.
    ///   - version: its version.
    ///   - createdAt: when it was enqueued.
    ///   - updatedAt: when it last changed.
    public init(
        id: String, kind: String, name: String, dedupKey: String, payload: String, revision: String, dueAt: Timestamp, state: JobState,
        attempts: Int, leaseOwner: String?, leaseUntil: Timestamp?, lastError: String?, version: Int64, createdAt: Timestamp,
        updatedAt: Timestamp
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.dedupKey = dedupKey
        self.payload = payload
        self.revision = revision
        self.dueAt = dueAt
        self.state = state
        self.attempts = attempts
        self.leaseOwner = leaseOwner
        self.leaseUntil = leaseUntil
        self.lastError = lastError
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
