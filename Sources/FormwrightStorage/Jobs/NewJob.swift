public import FormwrightCore

/// A job to put in an app's queue with ``WriteTransaction/enqueue(_:now:)``.
///
/// The job is written in the caller's transaction, so it exists exactly when the record change
/// that caused it does. ``dedupKey`` makes enqueuing idempotent: an app holds at most one job
/// per key, whatever that job's state.
public struct NewJob: Sendable, Hashable {
    /// What runs the job, such as `workflow`.
    public var kind: String
    /// Which one of its kind, such as the workflow's name.
    public var name: String
    /// The key that makes the job unique in its app, such as the triggering event's id.
    public var dedupKey: String
    /// What the job needs to run, as JSON text; storage keeps it as given and never parses it.
    public var payload: String
    /// The definition revision the job was made under.
    public var revision: String
    /// The earliest time the job may be claimed.
    public var dueAt: Timestamp

    /// Creates a job description.
    ///
    /// - Parameters:
    ///   - kind: what runs the job; not empty.
    ///   - name: which one of its kind.
    ///   - dedupKey: the job's unique key in its app; not empty.
    ///   - payload: JSON text for the job.
    ///   - revision: the definition revision.
    ///   - dueAt: the earliest time the job may be claimed.
    public init(kind: String, name: String, dedupKey: String, payload: String, revision: String, dueAt: Timestamp) {
        self.kind = kind
        self.name = name
        self.dedupKey = dedupKey
        self.payload = payload
        self.revision = revision
        self.dueAt = dueAt
    }

    /// Checks what every backend must be able to store: `kind` and `dedupKey` not empty, no
    /// text holding NUL, `dueAt` within years 0001 to 9999.
    ///
    /// - Throws: ``StorageError/Code/invalidValue`` naming the first bad property.
    public func checked() throws -> NewJob {
        try JobRules.checkText(kind, "kind", empty: false)
        try JobRules.checkText(name, "name")
        try JobRules.checkText(dedupKey, "dedup key", empty: false)
        try JobRules.checkText(payload, "payload")
        try JobRules.checkText(revision, "revision")
        var job = self
        job.dueAt = try JobRules.stored(dueAt, "due time")
        return job
    }
}
