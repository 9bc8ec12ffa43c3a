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
    /// The pauses between attempts start at 100 ms and double up to 5 s (0.1, 0.2, 0.4, 0.8, 1.6,
    /// 3.2, 5, 5, … s); the last pause is cut short at the open timeout, and each failed attempt
    /// is reported to `configuration.retryReport` before its pause.
    ///
    /// - Throws: ``StorageError/Code/unavailable`` with `context`, the server's host and port, the
    ///   last problem seen and what to check; a refused login or a missing database fails at once,
    ///   without retrying.
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
                let server = serverName(configuration.address)
                guard remaining > .zero else {
                    throw StorageError(
                        .unavailable,
                        "\(context): cannot reach PostgreSQL at \(server) after \(seconds(configuration.openTimeout)) "
                            + "(\(attempts) attempt\(attempts == 1 ? "" : "s")); last problem: \(detail); check that the server is running "
                            + "and accepts TCP connections on \(server), and that the store URL names the right host and port")
                }
                let pause = min(delay, remaining)
                configuration.retryReport?(
                    "PostgreSQL at \(server) did not answer (attempt \(attempts): \(detail)); trying again in \(seconds(pause))")
                try await Task.sleep(for: pause)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }

    /// `host:port`, an IPv6 host in brackets.
    static func serverName(_ address: PostgresAddress) -> String {
        (address.host.contains(":") ? "[\(address.host)]" : address.host) + ":\(address.port)"
    }

    /// A duration in seconds for messages: `2 s`, `0.4 s`.
    static func seconds(_ duration: Duration) -> String {
        // Clamped to a year, far beyond any sensible wait, so the product stays inside Int64.
        let milliseconds = min(max(duration.components.seconds, 0), 31_536_000) * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000
        let text = milliseconds % 1_000 == 0 ? "\(milliseconds / 1_000)" : "\(Double(milliseconds) / 1_000)"
        return text + " s"
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
