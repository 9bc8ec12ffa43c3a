public import Hummingbird

/// The request context of every route: who is asking, and the upload limit.
public struct FormwrightRequestContext: RequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// Who is asking, once authentication has run.
    public var identity: Identity = .anonymous

    /// Creates a context for a request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Bodies above 1 MiB are refused with 413.
    public var maxUploadSize: Int { 1024 * 1024 }
}
