import FormwrightStorage
import PostgresNIO

/// PostgreSQL's errors as storage errors: a stable code, the server's own words, and never a
/// password (PostgresNIO's errors do not carry one; the messages here use only server text).
enum PostgresErrors {
    /// SQLSTATE `40001`: the transaction would break serializability and must be run again.
    static let serializationFailure = "40001"
    /// SQLSTATE `40P01`: a deadlock was broken by aborting this transaction.
    static let deadlockDetected = "40P01"
    /// SQLSTATE `23505`: a unique index refused a value.
    static let uniqueViolation = "23505"
    /// SQLSTATE `55P03`: a lock could not be had (a `lock_timeout` ran out).
    static let lockNotAvailable = "55P03"
    /// SQLSTATE `53100`: the server's disk is full.
    static let diskFull = "53100"
    /// SQLSTATE `25006`: a write in a read-only transaction (a standby, or `default_transaction_read_only`).
    static let readOnlyTransaction = "25006"

    /// The SQLSTATE code of a server error, or nil.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Whether running the same transaction again may succeed.
    static func isRetryable(_ error: any Error) -> Bool {
        let state = sqlState(error)
        return state == serializationFailure || state == deadlockDetected
    }

    /// The name of the constraint a server error is about, if any.
    static func constraintName(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.constraintName]
    }

    /// Any error a query gave as a ``StorageError``: a failure below PostgresNIO (a channel
    /// closed under it) is the store being unavailable.
    static func queryError(_ error: any Error, context: String) -> StorageError {
        if let storage = storageError(error, context: context) as? StorageError { return storage }
        if let waited = error as? PostgresConnector.NoConnection {
            return StorageError(.unavailable, "\(context): no database connection within \(waited.limit)")
        }
        return StorageError(.unavailable, "\(context): \(error)")
    }

    /// What went wrong in words: the server's message, or the connection problem.
    static func detail(_ error: any Error) -> String {
        guard let psql = error as? PSQLError else { return "\(error)" }
        if let message = psql.serverInfo?[.message] {
            let state = psql.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return message + state
        }
        if let underlying = psql.underlying { return "\(psql.code): \(underlying)" }
        return "\(psql.code)"
    }

    /// A PostgreSQL error as a ``StorageError`` with `context` before its message; any other
    /// error (a storage error, the caller's own, a cancellation) passes through unchanged.
    static func storageError(_ error: any Error, context: String) -> any Error {
        guard let psql = error as? PSQLError else { return error }
        let text = detail(psql)
        guard let state = psql.serverInfo?[.sqlState] else {
            return StorageError(.unavailable, "\(context): the server cannot be reached: \(text)")
        }
        return StorageError(code(sqlState: state), "\(context): \(text)")
    }

    /// The storage error code for a server error's SQLSTATE.
    ///
    /// | SQLSTATE | code |
    /// |---|---|
    /// | `23505` unique violation | ``StorageError/Code/uniqueViolation`` |
    /// | `40001`, `40P01` serialization failure, deadlock; `55P03` lock not available | ``StorageError/Code/busy`` |
    /// | `53100` disk full | ``StorageError/Code/full`` |
    /// | `25006` read-only transaction | ``StorageError/Code/readOnly`` |
    /// | class `08` (connection), other class `53` (insufficient resources), `57P` (operator intervention) | ``StorageError/Code/unavailable`` |
    /// | anything else | ``StorageError/Code/backendFailure`` |
    static func code(sqlState state: String) -> StorageError.Code {
        switch state {
        case uniqueViolation: .uniqueViolation
        case serializationFailure, deadlockDetected, lockNotAvailable: .busy
        case diskFull: .full
        case readOnlyTransaction: .readOnly
        default: state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57P") ? .unavailable : .backendFailure
        }
    }
}
