import FormwrightStorage
import PostgresNIO
import Synchronization

/// The store's way to PostgreSQL: a connection pool whose waits are bounded, and a thread pool
/// on which transaction bodies run.
///
/// The pool never gives up on a server that went away by itself (it retries connecting for a
/// long while), so every lease here races a timer: no connection within the wait limit is a
/// clear ``StorageError/Code/unavailable`` instead of a request that hangs.
final class PostgresConnector: Sendable {
    let client: PostgresClient
    let threads: NIOThreadPool
    let logger: Logger
    let connectionWait: Duration

    /// An error the caller's transaction body threw, carried out unchanged.
    struct BodyError: Error {
        let underlying: any Error
    }

    /// An error PostgreSQL gave inside a transaction, kept raw so that `write` can tell a
    /// serialization conflict (run again) from anything else.
    struct TransactionFailure: Error {
        let underlying: any Error
    }

    private struct WaitedTooLong: Error {}

    /// No connection came within the wait limit.
    struct NoConnection: Error {
        let limit: Duration
    }

    /// Who won the race between a lease and the timer: decided once, under a lock.
    private final class LeaseRace: Sendable {
        private enum State { case waiting, leased, timedOut }
        private let state = Mutex(State.waiting)

        /// Whether the lease came first; after this, the timer can no longer win.
        func leased() -> Bool { settle(.leased) }
        /// Whether the timer came first; after this, a late lease is handed back unused.
        func timedOut() -> Bool { settle(.timedOut) }

        private func settle(_ outcome: State) -> Bool {
            state.withLock { current in
                guard case .waiting = current else { return false }
                current = outcome
                return true
            }
        }
    }

    init(client: PostgresClient, threads: NIOThreadPool, logger: Logger, connectionWait: Duration) {
        self.client = client
        self.threads = threads
        self.logger = logger
        self.connectionWait = connectionWait
    }

    /// Runs `body` with a leased connection, waiting at most `connectionWait` for one.
    ///
    /// - Throws: ``NoConnection`` when none came in time, and whatever `body` throws.
    func withConnection<R: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> R) async throws -> R {
        try await withoutActuallyEscaping(body) { escapable in
            // Child tasks hold the box, not the body: emptied before this returns, so the
            // body never outlives the call.
            let box = Box(escapable)
            defer { box.empty() }
            let race = LeaseRace()
            let limit = connectionWait
            do {
                return try await withThrowingTaskGroup(of: R?.self) { group in
                    group.addTask {
                        try await self.client.withConnection { connection in
                            guard race.leased() else { throw WaitedTooLong() }
                            guard let run = box.current else { throw CancellationError() }
                            return try await run(connection)
                        }
                    }
                    group.addTask {
                        // Cancelled (the lease came, or the caller gave up): step aside quietly, so
                        // that a transaction already under way still reports its own outcome.
                        guard (try? await Task.sleep(for: limit)) != nil else { return nil }
                        if race.timedOut() { throw WaitedTooLong() }
                        return nil
                    }
                    defer { group.cancelAll() }
                    while let result = try await group.next() {
                        if let value = result { return value }
                    }
                    throw WaitedTooLong()
                }
            } catch is WaitedTooLong {
                throw NoConnection(limit: limit)
            }
        }
    }

    /// Runs `body` on a pool thread inside one transaction on one leased connection.
    ///
    /// - Throws: ``BodyError`` for what the body threw, ``TransactionFailure`` for what
    ///   PostgreSQL answered, ``NoConnection`` when no connection came in time.
    func transaction<T: Sendable>(
        app: String, begin: PostgresQuery, context: String, schema: @escaping @Sendable (PostgresConnection) async throws -> PostgresAppSchema?,
        _ body: @Sendable (PostgresReader) throws -> T
    ) async throws -> T {
        let logger = self.logger
        let threads = self.threads
        return try await withConnection { connection in
            do {
                _ = try await connection.query(begin, logger: logger)
            } catch {
                throw TransactionFailure(underlying: error)
            }
            let session = PostgresSession(connection: connection, logger: logger, context: context)
            do {
                let reader: PostgresReader
                do {
                    reader = PostgresReader(session: session, app: app, schema: try await schema(connection))
                } catch {
                    throw TransactionFailure(underlying: error)
                }
                let result: T
                do {
                    result = try await withoutActuallyEscaping(body) { escapable in
                        let box = Box(escapable)
                        defer { box.empty() }
                        return try await threads.runIfActive {
                            guard let run = box.current else { throw CancellationError() }
                            return try run(reader)
                        }
                    }
                } catch {
                    throw BodyError(underlying: error)
                }
                if let failure = session.firstFailure { throw TransactionFailure(underlying: failure) }
                do {
                    _ = try await connection.query("COMMIT", logger: logger)
                } catch {
                    throw TransactionFailure(underlying: error)
                }
                return result
            } catch {
                await Self.rollBack(connection, logger: logger)
                if error is BodyError, let failure = session.firstFailure, PostgresErrors.isRetryable(failure) {
                    // The body saw the conflict as an error and passed it on (or threw its own): run again.
                    throw TransactionFailure(underlying: failure)
                }
                throw error
            }
        }
    }
}

extension PostgresConnector {
    /// Ends a failed transaction, even when the task that ran it was cancelled.
    ///
    /// A cancelled task's queries may never be sent, and a connection given back to the pool
    /// inside an open transaction would keep its locks — the migration lock among them — until
    /// the server ends the session. So the rollback runs in a task of its own, which the
    /// caller's cancellation does not reach, and a connection it cannot roll back is closed.
    static func rollBack(_ connection: PostgresConnection, logger: Logger) async {
        await Task {
            do {
                _ = try await connection.query("ROLLBACK", logger: logger)
            } catch {
                try? await connection.close()
            }
        }.value
    }
}

/// Holds a closure for the task or thread that runs it, until emptied.
private final class Box<Body: Sendable>: Sendable {
    private let body: Mutex<Body?>

    init(_ body: Body) {
        self.body = Mutex(body)
    }

    /// The closure, or nil once emptied.
    var current: Body? { body.withLock { $0 } }

    func empty() {
        body.withLock { $0 = nil }
    }
}
