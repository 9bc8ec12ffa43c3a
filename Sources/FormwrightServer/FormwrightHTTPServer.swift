import FormwrightRuntime
public import Hummingbird
import NIOCore

/// Builds the Hummingbird application that serves a set of apps: routes, auth, limits.
///
/// ```swift
/// let server = try FormwrightHTTPServer(apps: registry, configuration: ServerConfiguration(adminToken: token))
/// try await server.application(onServerRunning: { port in print("http://127.0.0.1:\(port)/") }).runService()
/// ```
public struct FormwrightHTTPServer: Sendable {
    /// The apps served.
    public let apps: AppRegistry
    /// Where and how to listen.
    public let configuration: ServerConfiguration
    /// Tokens and sessions.
    public let access: AccessControl
    /// What `GET /metrics` shows.
    public let metrics: ServerMetrics
    private let renderer: PageRenderer

    /// Creates a server.
    /// - Parameter metrics: where request counts are kept and what `GET /metrics` shows; its own registry by default.
    public init(apps: AppRegistry, configuration: ServerConfiguration, metrics: ServerMetrics = ServerMetrics()) throws {
        self.apps = apps
        self.configuration = configuration
        self.metrics = metrics
        access = AccessControl(adminToken: configuration.adminToken)
        renderer = try PageRenderer()
    }

    /// The router with every route, without the request metrics (see `responder()`).
    public func router() -> Router<FormwrightRequestContext> {
        let router = Router(context: FormwrightRequestContext.self)
        router.add(middleware: ErrorMiddleware(renderer: renderer))
        router.add(middleware: AuthenticationMiddleware(access: access))
        router.get("/healthz") { _, _ in Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n"))) }
        MetricsRoute(apps: apps, metrics: metrics, isPublic: configuration.metricsPublic).register(on: router)
        let reading = RequestReading(deadlineSeconds: configuration.bodyDeadlineSeconds)
        APIRoutes(apps: apps, reading: reading).register(on: router)
        HTMLRoutes(apps: apps, access: access, reading: reading, renderer: renderer).register(on: router)
        return router
    }

    /// The router with every request counted in the metrics; tests drive it without a socket.
    public func responder() -> some HTTPResponder<FormwrightRequestContext> {
        HTTPMetricsResponder(inner: router().buildResponder(), metrics: metrics)
    }

    /// The application, listening on the configured address with an idle timeout.
    /// - Parameter onServerRunning: called with the bound port once the server listens.
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let headDeadline = configuration.headerDeadlineSeconds
        return Application(
            responder: responder(),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [RequestHeadDeadlineHandler(deadline: .seconds(headDeadline))],
                    idleTimeout: .seconds(configuration.idleTimeoutSeconds))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "formwright"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) }
        )
    }
}
