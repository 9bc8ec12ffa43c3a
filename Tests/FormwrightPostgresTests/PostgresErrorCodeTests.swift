@testable import FormwrightPostgres
import FormwrightStorage
import Testing

/// PostgreSQL's SQLSTATE codes map to the storage error codes the server answers by: a full disk
/// as on SQLite, a read-only server, lock and serialization trouble as a busy store.
@Suite struct PostgresErrorCodeTests {
    @Test(arguments: [
        ("53100", StorageError.Code.full), ("25006", .readOnly), ("40001", .busy), ("40P01", .busy), ("55P03", .busy),
        ("23505", .uniqueViolation), ("53200", .unavailable), ("53300", .unavailable), ("08006", .unavailable), ("57P01", .unavailable),
        ("42P01", .backendFailure), ("22001", .backendFailure),
    ])
    func mapsSQLStates(_ state: String, _ code: StorageError.Code) {
        #expect(PostgresErrors.code(sqlState: state) == code)
    }
}
