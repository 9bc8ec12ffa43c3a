import FormwrightPostgres
import FormwrightStorage
import Testing

/// Opening a store: an unreachable or refusing server gives a clear, prompt error without the password.
@Suite struct PostgresOpeningTests {
    @Test func unreachableServerFailsWithinTheOpenTimeout() async throws {
        // Nothing listens on TCP port 1 of the loopback address: every attempt is refused.
        var configuration = PostgresStorage.Configuration(address: try PostgresAddress(parsing: "postgres://ada:s3cret-pw@127.0.0.1:1/crm"))
        configuration.openTimeout = .seconds(2)
        configuration.probeTimeout = .seconds(1)
        let clock = ContinuousClock()
        let started = clock.now
        let error = await #expect(throws: StorageError.self) { _ = try await PostgresStorage(configuration: configuration) }
        let elapsed = started.duration(to: clock.now)
        #expect(error?.code == .unavailable)
        #expect(error?.message.hasPrefix("opening store 'postgres://ada:***@127.0.0.1:1/crm': ") == true)
        #expect(error?.message.contains("s3cret") == false)
        #expect(elapsed >= .seconds(2), "it retried until the open timeout")
        #expect(elapsed < .seconds(60), "it gave up rather than retrying without end (the bound leaves room for a very busy machine)")
    }

    @Test func unreachableServerFromAURL() async throws {
        let error = await #expect(throws: StorageError.self) {
            _ = try await PostgresStorage(url: "postgresql://ada:p%40ss@127.0.0.1:1/crm", openTimeout: .milliseconds(300))
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("p@ss") == false)
        #expect(error?.message.contains("p%40ss") == false)
    }

    @Test func badURLsAreRefusedBeforeConnecting() async throws {
        let error = await #expect(throws: StorageError.self) { _ = try await PostgresStorage(url: "postgres://ada:secret@db/") }
        #expect(error?.code == .invalidStoreURL)
        #expect(error?.message.contains("secret") == false)
    }

    @Test(.enabled(if: PostgresTestDatabase.isConfigured))
    func wrongPasswordFailsAtOnce() async throws {
        var address = try PostgresAddress(parsing: PostgresTestDatabase.url ?? "")
        address.password = "not-the-password"
        let clock = ContinuousClock()
        let started = clock.now
        var configuration = PostgresStorage.Configuration(address: address)
        configuration.openTimeout = .seconds(60)
        let error = await #expect(throws: StorageError.self) { _ = try await PostgresStorage(configuration: configuration) }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("not-the-password") == false)
        // Retrying would take the whole minute; half of it leaves room for a busy machine.
        #expect(started.duration(to: clock.now) < .seconds(30), "a refused login is not retried for the whole open timeout")
    }
}
