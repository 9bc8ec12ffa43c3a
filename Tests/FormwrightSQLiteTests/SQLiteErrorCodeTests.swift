import FormwrightStorage
import GRDB
import Testing

@testable import FormwrightSQLite

/// SQLite's result codes map to the storage error codes the server answers by.
@Suite struct SQLiteErrorCodeTests {
    static func code(_ result: ResultCode, maximumSize: Int64? = nil) -> (StorageError.Code?, String?) {
        let error = StorageError.from(DatabaseError(resultCode: result, message: "detail"), context: "writing", maximumSize: maximumSize) as? StorageError
        return (error?.code, error?.message)
    }

    @Test func aFullDiskAndFailedFileWritesAreAFullStore() {
        #expect(Self.code(.SQLITE_FULL) == (.full, "writing: the store is full: the disk has no space left: detail"))
        #expect(
            Self.code(.SQLITE_FULL, maximumSize: 4_096)
                == (.full, "writing: the store is full: the store's size cap (max_size=4096 bytes) is reached or the disk has no space left: detail"))
        for result in [ResultCode.SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_DIR_FSYNC, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_SHMSIZE] {
            #expect(Self.code(result) == (.full, "writing: the store's files cannot be written (the disk may be full): detail"))
        }
        #expect(Self.code(.SQLITE_IOERR_READ).0 == .unavailable)
    }

    @Test func lockedAndReadOnlyFilesKeepTheirMeaning() {
        #expect(Self.code(.SQLITE_BUSY).0 == .busy)
        #expect(Self.code(.SQLITE_LOCKED).0 == .busy)
        #expect(Self.code(.SQLITE_READONLY).0 == .readOnly)
        #expect(Self.code(.SQLITE_CANTOPEN).0 == .unavailable)
    }
}
