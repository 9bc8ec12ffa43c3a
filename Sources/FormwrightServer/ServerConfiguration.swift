/// How the server listens and what it tolerates from clients (bodies are limited to 1 MiB by the request context).
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback by default, so nothing is exposed unless asked.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The admin token every API call and page accepts.
    public var adminToken: String
    /// How long a connection may stay silent, in seconds, before it is closed.
    public var idleTimeoutSeconds: Int64
    /// How long reading a whole request body may take, in seconds.
    public var bodyDeadlineSeconds: Int64
    /// How long a client may take to send a request's headers (from connecting, or from the previous response), in seconds.
    public var headerDeadlineSeconds: Int64
    /// Whether `GET /metrics` answers without the admin token (for a scraper on a private network).
    public var metricsPublic: Bool

    /// Creates a configuration with the defaults: 127.0.0.1:8080, 30 s idle, 10 s to send headers, 10 s to send a body,
    /// `GET /metrics` behind the admin token.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, adminToken: String,
        idleTimeoutSeconds: Int64 = 30, headerDeadlineSeconds: Int64 = 10, bodyDeadlineSeconds: Int64 = 10,
        metricsPublic: Bool = false
    ) {
        self.metricsPublic = metricsPublic
        self.headerDeadlineSeconds = headerDeadlineSeconds
        self.host = host
        self.port = port
        self.adminToken = adminToken
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.bodyDeadlineSeconds = bodyDeadlineSeconds
    }
}
