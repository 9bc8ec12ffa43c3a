import FormwrightCore
import FormwrightRuntime
public import Hummingbird

/// An error a route answers with: a status, a stable identifier and a message safe to show.
///
/// The API renders it as `{"error": {"message", "id"}}`; HTML pages render it as a page.
public struct ServerError: Error, Sendable, HTTPResponseError {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable identifier such as `not_found`.
    public var id: String
    /// A message for the caller; never a stack trace or internal detail.
    public var message: String
    /// Extra headers (`WWW-Authenticate` on 401).
    public var headers: HTTPFields = [:]
    /// What went wrong underneath, for the server's log only; never sent to the caller.
    var cause: String?

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, id: String, _ message: String) {
        self.status = status
        self.id = id
        self.message = message
    }

    /// The JSON body.
    public var json: String {
        "{\"error\":{\"message\":\(JSONText.quote(message)),\"id\":\(JSONText.quote(id))}}"
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = Response.json(json, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    /// 507 Insufficient Storage.
    static let insufficientStorage = HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage")

    /// A store failure as the caller sees it: the status and words for what happened, with the
    /// store's own message kept as the ``cause`` for the log.
    ///
    /// | kind | status | id |
    /// |---|---|---|
    /// | busy | 503, `Retry-After: 5` | `store_busy` |
    /// | full | 507 | `store_full` |
    /// | read-only | 503 | `store_read_only` |
    /// | unavailable | 503 | `store_unavailable` |
    static func store(_ error: RuntimeError) -> ServerError {
        var answer: ServerError
        switch error.kind {
        case .busy:
            answer = ServerError(
                .serviceUnavailable, id: "store_busy",
                "the store is busy: another process is holding its write lock; nothing was saved, try again in a moment")
            answer.headers[.retryAfter] = "5"
        case .full:
            answer = ServerError(
                insufficientStorage, id: "store_full",
                "the store is full: its disk has no space left or its size limit is reached; nothing was saved")
        case .readOnly:
            answer = ServerError(
                .serviceUnavailable, id: "store_read_only", "the store is read-only: records can be read, but changes cannot be saved")
        default:
            answer = ServerError(.serviceUnavailable, id: "store_unavailable", "the store cannot serve this request now")
        }
        answer.cause = error.message
        return answer
    }

    static func notFound(_ message: String) -> ServerError { ServerError(.notFound, id: "not_found", message) }
    static func badRequest(_ message: String) -> ServerError { ServerError(.badRequest, id: "bad_request", message) }

    static var unauthorized: ServerError {
        var error = ServerError(.unauthorized, id: "unauthorized", "sign in: send 'Authorization: Bearer TOKEN' or open the login link that 'formwright serve' printed")
        error.headers[.wwwAuthenticate] = "Bearer"
        return error
    }
}
