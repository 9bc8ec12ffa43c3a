import Hummingbird
import NIOCore

/// `GET /metrics`: the Prometheus text exposition. It takes the admin token like the API, unless
/// the server was configured to open it (`serve --metrics-public`) for a scraper on a private network.
struct MetricsRoute {
    let apps: AppRegistry
    let metrics: ServerMetrics
    let isPublic: Bool

    /// The content type of the Prometheus text format.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    func register(on router: Router<FormwrightRequestContext>) {
        router.get("/metrics") { _, context in
            guard isPublic || context.identity.isSignedIn else { throw ServerError.unauthorized }
            let text = await metrics.exposition(apps: apps.all, logger: context.logger)
            return Response(status: .ok, headers: [.contentType: Self.contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
