import FormwrightCore

/// An error status a route may answer with, as `{"error": {"message", "id"}}`: each is one
/// response of `components.responses`, named after its meaning.
enum OpenAPIErrorStatus: Int, CaseIterable {
    case badRequest = 400
    case unauthorized = 401
    case notFound = 404
    case requestTimeout = 408
    case conflict = 409
    case preconditionFailed = 412
    case contentTooLarge = 413
    case unsupportedMediaType = 415
    case unavailable = 503
    case storeFull = 507

    /// The errors of a route that reads: a bad parameter, no token, an unknown name, a store that cannot answer.
    static let reading: [Self] = [.badRequest, .unauthorized, .notFound, .unavailable]
    /// The errors of a route that reads a JSON body, besides those of reading.
    static let body: [Self] = [.requestTimeout, .contentTooLarge, .unsupportedMediaType]

    /// The response's name in `components.responses`.
    var name: String {
        switch self {
        case .badRequest: "BadRequest"
        case .unauthorized: "Unauthorized"
        case .notFound: "NotFound"
        case .requestTimeout: "RequestTimeout"
        case .conflict: "Conflict"
        case .preconditionFailed: "PreconditionFailed"
        case .contentTooLarge: "ContentTooLarge"
        case .unsupportedMediaType: "UnsupportedMediaType"
        case .unavailable: "StoreUnavailable"
        case .storeFull: "StoreFull"
        }
    }

    /// When the status is given, and its stable error ids.
    var description: String {
        switch self {
        case .badRequest: "Malformed JSON, a bad parameter, cursor or filter, or a forecast that cannot run on the data (`bad_request`)."
        case .unauthorized: "No token, or a wrong one (`unauthorized`); a wrong token is refused even where none is needed."
        case .notFound: "No such app, form, table, record, workflow, execution, forecast or scenario (`not_found`)."
        case .requestTimeout: "The body did not arrive within 10 seconds (`request_timeout`)."
        case .conflict: "The request does not fit the state of what it names (`conflict`)."
        case .preconditionFailed: "The record's version is not the one named by `If-Match` (`version_conflict`); nothing was changed."
        case .contentTooLarge: "The body is over the size limit (`body_too_large`)."
        case .unsupportedMediaType: "The body was not sent with the content type the route takes (`unsupported_media_type`)."
        case .unavailable: "The store is busy (`store_busy`, with `Retry-After`), read-only (`store_read_only`) or unreachable (`store_unavailable`)."
        case .storeFull: "The store has no room for the write (`store_full`); nothing was saved."
        }
    }

    /// The response object, with the error schema and the headers the status carries.
    var response: Value {
        let header: (String, String)? =
            switch self {
            case .unauthorized: ("WWW-Authenticate", "`Bearer`.")
            case .unavailable: ("Retry-After", "Seconds to wait before trying again, when the store is busy.")
            default: nil
            }
        return JSONSchema.object([
            ("description", .string(description)),
            (
                "headers",
                header.map { header in
                    JSONSchema.object([(header.0, JSONSchema.object([("description", .string(header.1)), ("schema", JSONSchema.typed("string"))]))])
                }
            ),
            ("content", JSONSchema.object([("application/json", JSONSchema.object([("schema", JSONSchema.reference("Error"))]))])),
        ])
    }
}
