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
    private let renderer: PageRenderer

    /// Creates a server.
    public init(apps: AppRegistry, configuration: ServerConfiguration) throws {
        self.apps = apps
        self.configuration = configuration
        access = AccessControl(adminToken: configuration.adminToken)
        renderer = try PageRenderer()
    }

    /// The router with every route; tests drive it without a socket.
    public func router() -> Router<FormwrightRequestContext> {
        let router = Router(context: FormwrightRequestContext.self)
        router.add(middleware: ErrorMiddleware(renderer: renderer))
        router.add(middleware: AuthenticationMiddleware(access: access))
        router.get("/healthz") { _, _ in Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n"))) }
        let reading = RequestReading(deadlineSeconds: configuration.bodyDeadlineSeconds)
        APIRoutes(apps: apps, reading: reading).register(on: router)
        HTMLRoutes(apps: apps, access: access, reading: reading, renderer: renderer).register(on: router)
        return router
    }

    /// The application, listening on the configured address with an idle timeout.
    /// - Parameter onServerRunning: called with the bound port once the server listens.
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(configuration.idleTimeoutSeconds))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "formwright"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) }
        )
    }
}
