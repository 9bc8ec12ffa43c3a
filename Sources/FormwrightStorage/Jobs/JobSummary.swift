public import FormwrightCore

/// How an app's queue stands, for metrics: jobs per state, and the age of the oldest waiting one.
public struct JobSummary: Sendable, Hashable {
    /// How many jobs are in each state; a state with none is absent.
    public var counts: [JobState: Int]
    /// How many pending jobs are due (`dueAt` at or before the summary's `now`): the outbox depth.
    public var duePending: Int
    /// The `dueAt` of the pending job due first, or nil when none is pending.
    public var oldestPendingDueAt: Timestamp?

    /// Creates a summary.
    ///
    /// - Parameters:
    ///   - counts: jobs per state.
    ///   - duePending: how many pending jobs are due.
    ///   - oldestPendingDueAt: the earliest `dueAt` of a pending job.
    public init(counts: [JobState: Int], duePending: Int, oldestPendingDueAt: Timestamp?) {
        self.counts = counts
        self.duePending = duePending
        self.oldestPendingDueAt = oldestPendingDueAt
    }

    /// How many jobs are in `state`.
    public func count(_ state: JobState) -> Int {
        counts[state] ?? 0
    }
}
