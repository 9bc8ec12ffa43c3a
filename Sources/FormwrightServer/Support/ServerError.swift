import FormwrightCore
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

    static func notFound(_ message: String) -> ServerError { ServerError(.notFound, id: "not_found", message) }
    static func badRequest(_ message: String) -> ServerError { ServerError(.badRequest, id: "bad_request", message) }

    static var unauthorized: ServerError {
        var error = ServerError(.unauthorized, id: "unauthorized", "sign in: send 'Authorization: Bearer TOKEN' or open the login link that 'formwright serve' printed")
        error.headers[.wwwAuthenticate] = "Bearer"
        return error
    }
}
