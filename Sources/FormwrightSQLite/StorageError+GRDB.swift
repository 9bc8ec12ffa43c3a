import FormwrightStorage
import GRDB

extension StorageError {
    /// SQLite's errors as storage errors with a code and `context` before their message; any
    /// other error (a storage error, the caller's own, a cancellation) passes through unchanged.
    static func from(_ error: any Error, context: String) -> any Error {
        guard let database = error as? DatabaseError else { return error }
        let detail = database.message ?? "\(database.resultCode)"
        let (code, text): (Code, String) =
            switch database.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: (.unavailable, "the database stayed busy too long: \(detail)")
            case .SQLITE_READONLY: (.readOnly, "the database is read-only: \(detail)")
            case .SQLITE_FULL: (.unavailable, "the disk is full: \(detail)")
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH, .SQLITE_IOERR: (.unavailable, detail)
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: (.unavailable, "the file is not a usable SQLite database: \(detail)")
            case .SQLITE_CONSTRAINT where database.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE:
                (.uniqueViolation, "a unique field already holds this value: \(detail)")
            default: (.backendFailure, detail)
            }
        return StorageError(code, "\(context): \(text)")
    }
}
