public import FormwrightCore

/// A request for a list of an app's jobs, newest first (by `createdAt`, then id), for
/// ``ReadTransaction/jobs(_:)``.
///
/// Lists page by keyset: pass the last job of a page as ``after`` to get the jobs after it.
///
/// ```swift
/// var query = JobQuery(states: [.failed], limit: 50)
/// let page = try await store.read(app: "crm") { [query] in try $0.jobs(query) }
/// query.after = page.last.map(JobQuery.Position.init)
/// ```
public struct JobQuery: Sendable, Hashable {
    /// Where a list stopped: the `createdAt` and id of its last job.
    public struct Position: Sendable, Hashable {
        /// The last job's `createdAt`.
        public var createdAt: Timestamp
        /// The last job's id.
        public var id: String

        /// Creates a position.
        ///
        /// - Parameters:
        ///   - createdAt: the last job's `createdAt`.
        ///   - id: the last job's id.
        public init(createdAt: Timestamp, id: String) {
            self.createdAt = createdAt
            self.id = id
        }

        /// The position just after `job`.
        public init(_ job: Job) {
            self.init(createdAt: job.createdAt, id: job.id)
        }
    }

    /// The states a job must be in, or nil for any.
    public var states: Set<JobState>?
    /// The name a job must have, or nil for any.
    public var name: String?
    /// The kind a job must have, or nil for any.
    public var kind: String?
    /// The text a job's dedup key must begin with, or nil for any. Backends read it as a range
    /// of their unique dedup key index (``keyPrefixRange``), so the jobs of one key prefix, such
    /// as one record's workflow runs, are found without reading the others.
    public var keyPrefix: String?
    /// How many jobs to return at most, `1...maximumLimit`.
    public var limit: Int
    /// Return only the jobs after this position in the list's order, or nil to start at the newest.
    public var after: Position?

    /// The longest list a query may ask for.
    public static let maximumLimit = 1_000

    /// Creates a query.
    ///
    /// - Parameters:
    ///   - states: the states a job must be in.
    ///   - name: the name a job must have.
    ///   - kind: the kind a job must have.
    ///   - keyPrefix: the text a job's dedup key must begin with.
    ///   - limit: how many jobs at most.
    ///   - after: where the previous list stopped.
    public init(
        states: Set<JobState>? = nil, name: String? = nil, kind: String? = nil, keyPrefix: String? = nil, limit: Int = 100, after: Position? = nil
    ) {
        self.states = states
        self.name = name
        self.kind = kind
        self.keyPrefix = keyPrefix
        self.limit = limit
        self.after = after
    }

    /// Checks the limit and the position's time.
    ///
    /// - Throws: ``StorageError/Code/invalidQuery`` for a limit outside `1...maximumLimit`,
    ///   ``StorageError/Code/invalidValue`` for a position outside years 0001 to 9999 or a key
    ///   prefix holding NUL.
    public func checked() throws -> JobQuery {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw StorageError(.invalidQuery, "a job list's limit must be between 1 and \(Self.maximumLimit), not \(limit)")
        }
        if let keyPrefix { try JobRules.checkText(keyPrefix, "dedup key prefix") }
        var query = self
        if let after {
            query.after = Position(createdAt: try JobRules.stored(after.createdAt, "list position"), id: after.id)
        }
        return query
    }

    /// Whether `job` belongs in the list (position aside).
    public func matches(_ job: Job) -> Bool {
        if let states, !states.contains(job.state) { return false }
        if let name, job.name != name { return false }
        if let kind, job.kind != kind { return false }
        if let keyPrefix, !job.dedupKey.utf8.starts(with: keyPrefix.utf8) { return false }
        return true
    }

    /// ``keyPrefix`` as a range of dedup keys in byte order: the keys at or above `lower`, and
    /// below `upper` when there is one. Nil without a prefix, or for an empty one (every key).
    ///
    /// `upper` is the prefix with its last character replaced by the next one (characters that
    /// have no next one are dropped first); UTF-8 byte order is code point order, so exactly the
    /// keys that begin with the prefix fall in the range.
    public var keyPrefixRange: (lower: String, upper: String?)? {
        guard let keyPrefix, !keyPrefix.isEmpty else { return nil }
        var scalars = Array(keyPrefix.unicodeScalars)
        while let last = scalars.popLast() {
            let next = last.value == 0xD7FF ? 0xE000 : last.value + 1
            if let successor = Unicode.Scalar(next) {
                scalars.append(successor)
                var upper = String.UnicodeScalarView()
                upper.append(contentsOf: scalars)
                return (keyPrefix, String(upper))
            }
        }
        return (keyPrefix, nil)
    }

    /// Whether `job` comes after ``after`` in the list's order (always, without a position).
    public func isAfterPosition(_ job: Job) -> Bool {
        guard let after else { return true }
        if job.createdAt != after.createdAt { return job.createdAt < after.createdAt }
        return job.id.utf8.lexicographicallyPrecedes(after.id.utf8)
    }
}
