import Synchronization

/// Tells workflow workers to stop: they claim no more jobs, and a run in progress is handed back
/// to the queue after its current step, so another process carries it on at once.
public final class StopSignal: Sendable {
    private let stopped = Mutex(false)

    /// Creates a signal not yet given.
    public init() {}

    /// Gives the signal.
    public func stop() {
        stopped.withLock { $0 = true }
    }

    /// Whether the signal was given.
    public var isStopped: Bool {
        stopped.withLock { $0 }
    }
}
