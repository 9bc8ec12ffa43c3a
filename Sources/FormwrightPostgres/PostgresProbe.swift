import FormwrightStorage
import PostgresNIO

/// Checks that a server answers before a store is handed out: a connection of its own, a login
/// and `SELECT 1`, each attempt bounded in time, retried with exponential backoff until the
/// open timeout runs out.
///
/// The pool never reports an unreachable server by itself — a query would wait for a connection
/// forever — so this probe is what turns "no server" into a clear error.
enum PostgresProbe {
    private struct TimedOut: Error, CustomStringConvertible {
        let limit: Duration
        var description: String { "no answer within \(limit)" }
    }

    /// Waits until the server answers or `configuration.openTimeout` has passed.
    ///
    /// - Throws: ``StorageError/Code/unavailable`` with `context` and the last problem seen;
    ///   a refused login or a missing database fails at once, without retrying.
    static func waitForServer(
        _ configuration: PostgresStorage.Configuration, tls: PostgresConnection.Configuration.TLS, logger: Logger, context: String
    )
        async throws
    {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: configuration.openTimeout)
        var delay = Duration.milliseconds(100)
        var attempts = 0
        while true {
            attempts += 1
            do {
                try await attempt(configuration, tls: tls, logger: logger)
                return
            } catch {
                try Task.checkCancellation()
                let detail = PostgresErrors.detail(error)
                if let state = PostgresErrors.sqlState(error), state.hasPrefix("28") || state.hasPrefix("3D") {
                    throw StorageError(.unavailable, "\(context): the server refused: \(detail)")
                }
                let remaining = clock.now.duration(to: deadline)
                guard remaining > .zero else {
                    throw StorageError(
                        .unavailable,
                        "\(context): the server did not answer within \(configuration.openTimeout) (\(attempts) attempts); last: \(detail)")
                }
                try await Task.sleep(for: min(delay, remaining))
                delay = min(delay * 2, .seconds(5))
            }
        }
    }

    /// One connection, login and `SELECT 1`, given at most `probeTimeout`.
    private static func attempt(_ configuration: PostgresStorage.Configuration, tls: PostgresConnection.Configuration.TLS, logger: Logger)
        async throws
    {
        let address = configuration.address
        var connectionConfiguration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password, database: address.database, tls: tls)
        let limit = configuration.probeTimeout
        // A day is far beyond any sensible limit and keeps the product inside Int64.
        let seconds = min(max(limit.components.seconds, 0), 86_400)
        connectionConfiguration.options.connectTimeout = .milliseconds(max(1, seconds * 1_000 + limit.components.attoseconds / 1_000_000_000_000_000))
        let settings = connectionConfiguration
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                let connection = try await PostgresConnection.connect(configuration: settings, id: 0, logger: logger)
                do {
                    _ = try await connection.query("SELECT 1", logger: logger).collect()
                } catch {
                    try? await connection.close()
                    throw error
                }
                try await connection.close()
            }
            group.addTask {
                try await Task.sleep(for: limit)
                throw TimedOut(limit: limit)
            }
            defer { group.cancelAll() }
            _ = try await group.next()
        }
    }
}
