import Synchronization

/// Wakes an idle workflow service as soon as this process has enqueued work, so a run starts
/// right after the write that triggered it instead of at the service's next poll. Runs
/// enqueued by other processes (several servers on one PostgreSQL database) are still found by
/// polling.
///
/// ```swift
/// let bell = WorkBell()
/// let runtime = AppRuntime(definition: app, storage: store, workBell: bell)   // rings after its writes
/// await bell.wait(upTo: .seconds(1))                                           // the service's idle wait
/// ```
public final class WorkBell: Sendable {
    private struct State {
        var rung = false
        var waiter: CheckedContinuation<Void, Never>?
        var generation = 0
    }

    private let state = Mutex(State())

    /// Creates a bell that has not rung.
    public init() {}

    /// Rings: the current wait ends now, or the next one ends at once.
    public func ring() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.rung = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Waits until the bell rings or `timeout` passes, whichever is first; a ring since the last
    /// wait ends it at once. One waiter at a time.
    public func wait(upTo timeout: Duration) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let generation = state.withLock { state -> Int? in
                if state.rung {
                    state.rung = false
                    return nil
                }
                state.generation += 1
                state.waiter = continuation
                return state.generation
            }
            guard let generation else { return continuation.resume() }
            Task {
                try? await Task.sleep(for: timeout)
                let expired = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
                    guard state.generation == generation, let waiter = state.waiter else { return nil }
                    state.waiter = nil
                    return waiter
                }
                expired?.resume()
            }
        }
        state.withLock { $0.rung = false }
    }
}
