/// Where a job stands in its life: waiting, being run under a lease, or finished.
///
/// Only ``pending`` jobs that are due, and ``running`` jobs whose lease has run out, can be
/// claimed; the three finished states are never claimed again.
public enum JobState: String, Sendable, Hashable, CaseIterable {
    /// Waiting for its `dueAt` and a worker.
    case pending
    /// Claimed by a worker, which holds it until its lease ends.
    case running
    /// Finished without error.
    case succeeded
    /// Finished with an error and will not be tried again.
    case failed
    /// Called off before it finished.
    case cancelled
}
