import FormwrightStorage
import Testing

@Suite struct StorageErrorTests {
    @Test func contextGoesBeforeTheMessageAndKeepsTheRest() {
        let error = StorageError.uniqueViolation(table: "customers", field: "email").inContext("opening store 'memory:'")
        #expect(error.code == .uniqueViolation)
        #expect(error.field == "email")
        #expect(error.table == "customers")
        #expect(error.description == "opening store 'memory:': another record in table 'customers' already has this 'email'")
        #expect(StorageError.Code.versionConflict.description == "versionConflict")
        #expect(StorageError.Code.notFound != .versionConflict)
    }
}
