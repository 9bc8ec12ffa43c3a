import FormwrightStorage
import GRDB

extension StorageError {
    /// SQLite's errors as storage errors with a code and `context` before their message; any
    /// other error (a storage error, the caller's own, a cancellation) passes through unchanged.
    ///
    /// - Parameter maximumSize: the store's size cap, named in the message of a full store.
    static func from(_ error: any Error, context: String, maximumSize: Int64? = nil) -> any Error {
        guard let database = error as? DatabaseError else { return error }
        let (code, text) = describe(database, maximumSize: maximumSize)
        return StorageError(code, "\(context): \(text)")
    }

    /// The code and the words for an SQLite error.
    static func describe(_ database: DatabaseError, maximumSize: Int64?) -> (Code, String) {
        let detail = database.message ?? "\(database.resultCode)"
        switch database.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return (.busy, "the database stayed locked by another connection for \(SQLiteStorage.busyTimeoutSeconds) seconds: \(detail)")
        case .SQLITE_READONLY:
            return (.readOnly, "the database is read-only: \(detail)")
        case .SQLITE_FULL:
            let cap = maximumSize.map { "the store's size cap (max_size=\($0) bytes) is reached or " } ?? ""
            return (.full, "the store is full: \(cap)the disk has no space left: \(detail)")
        case .SQLITE_IOERR where fileGrowthFailures.contains(database.extendedResultCode):
            // Writing, syncing or growing a file fails this way when the disk fills up underneath.
            return (.full, "the store's files cannot be written (the disk may be full): \(detail)")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH, .SQLITE_IOERR:
            return (.unavailable, detail)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return (.unavailable, "the file is not a usable SQLite database: \(detail)")
        case .SQLITE_CONSTRAINT where database.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE:
            return (.uniqueViolation, "a unique field already holds this value: \(detail)")
        default:
            return (.backendFailure, detail)
        }
    }

    /// The I/O errors SQLite gives when writing, syncing or growing its files fails.
    private static let fileGrowthFailures: [ResultCode] = [
        .SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_DIR_FSYNC, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_SHMSIZE,
    ]
}
