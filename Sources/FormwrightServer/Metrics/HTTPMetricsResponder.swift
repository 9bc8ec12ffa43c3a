import Hummingbird

/// Counts every request by method, route pattern and status, and times it, around the whole router,
/// so requests no route matches are counted too (as route `unmatched`).
///
/// The route label is the pattern a route was registered with (`/api/v1/apps/{app}/tables/{table}/records/{id}`),
/// never the raw path, so the number of series stays bounded.
struct HTTPMetricsResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == FormwrightRequestContext {
    typealias Context = FormwrightRequestContext

    let inner: Inner
    let metrics: ServerMetrics

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await inner.respond(to: request, context: context)
            record(request, context: context, status: response.status.code, since: started)
            return response
        } catch {
            record(request, context: context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: started)
            throw error
        }
    }

    private func record(_ request: Request, context: Context, status: Int, since started: ContinuousClock.Instant) {
        let route = context.endpointPath.flatMap { $0 == "NotFound" ? nil : $0 } ?? "unmatched"
        metrics.recordRequest(method: request.method.rawValue, route: route, status: status, duration: .now - started)
    }
}
