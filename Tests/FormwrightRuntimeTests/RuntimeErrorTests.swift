import FormwrightRuntime
import FormwrightStorage
import Testing

/// A store's errors keep their meaning in the runtime, so the server can answer each one clearly.
@Suite struct RuntimeErrorTests {
    @Test(arguments: [
        (StorageError.Code.busy, RuntimeError.Kind.busy), (.full, .full), (.readOnly, .readOnly), (.unavailable, .unavailable),
        (.backendFailure, .unavailable), (.notFound, .notFound), (.versionConflict, .versionConflict), (.invalidCursor, .badRequest),
        (.invalidQuery, .badRequest),
    ])
    func keepsTheStoreErrorsMeaningAndMessage(_ code: StorageError.Code, _ kind: RuntimeError.Kind) {
        let error = RuntimeError(StorageError(code, "writing app 'crm' in store 'memory:': what happened"))
        #expect(error.kind == kind)
        #expect(error.message == "writing app 'crm' in store 'memory:': what happened")
    }
}
