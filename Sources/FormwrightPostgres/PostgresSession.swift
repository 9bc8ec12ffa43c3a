import PostgresNIO
import Synchronization

/// A leased connection as a transaction's body uses it: from the body's own thread, each query
/// blocks that thread — never one of Swift's cooperative threads — until PostgreSQL answers.
///
/// PostgreSQL aborts a transaction at its first failed statement, so the session remembers that
/// failure: later queries rethrow it without asking the server, and the transaction is never
/// reported as committed even if the body caught the error and returned.
final class PostgresSession: Sendable {
    let connection: PostgresConnection
    let logger: Logger
    let context: String
    private let failure = Mutex<(any Error)?>(nil)

    init(connection: PostgresConnection, logger: Logger, context: String) {
        self.connection = connection
        self.logger = logger
        self.context = context
    }

    /// The first error PostgreSQL answered in this transaction, as it came.
    var firstFailure: (any Error)? { failure.withLock { $0 } }

    /// Runs `query` and returns its rows, blocking the calling thread, which must not be a
    /// cooperative one; a failure is thrown as a ``StorageError``.
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        if let earlier = firstFailure { throw PostgresErrors.queryError(earlier, context: context) }
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            failure.withLock { $0 = $0 ?? error }
            throw PostgresErrors.queryError(error, context: context)
        }
    }
}
