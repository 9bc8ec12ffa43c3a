/// How the server listens and what it tolerates from clients.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback by default, so nothing is exposed unless asked.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The admin token every API call and page accepts.
    public var adminToken: String
    /// The largest request body accepted, in bytes (1 MiB).
    public var maximumBodyBytes: Int
    /// How long a connection may stay silent, in seconds, before it is closed.
    public var idleTimeoutSeconds: Int64
    /// How long reading a whole request body may take, in seconds.
    public var bodyDeadlineSeconds: Int64

    /// Creates a configuration with the defaults: 127.0.0.1, 1 MiB bodies, 30 s idle, 10 s to send a body.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, adminToken: String, maximumBodyBytes: Int = 1024 * 1024,
        idleTimeoutSeconds: Int64 = 30, bodyDeadlineSeconds: Int64 = 10
    ) {
        self.host = host
        self.port = port
        self.adminToken = adminToken
        self.maximumBodyBytes = maximumBodyBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.bodyDeadlineSeconds = bodyDeadlineSeconds
    }
}
