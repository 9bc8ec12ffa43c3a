import Hummingbird
import Logging
import NIOCore

/// Turns every error into a clean answer: JSON `{"error": {"message", "id"}}` for the API, a
/// page for HTML; an unexpected error becomes a 500 without internal detail and is logged.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = FormwrightRequestContext

    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as FieldErrorsResponse {
            return try error.response(from: request, context: context)
        } catch {
            let serverError = Self.serverError(for: error)
            if serverError.status == .internalServerError {
                context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            } else if let cause = serverError.cause {
                context.logger.warning("\(serverError.id): \(cause)", metadata: ["path": "\(request.uri.path)"])
            }
            guard !request.uri.path.hasPrefix("/api/"), request.uri.path != "/healthz", request.uri.path != "/metrics" else {
                return try serverError.response(from: request, context: context)
            }
            let chrome = PageChrome(language: PageChrome.language(for: AcceptLanguage.preferences(request)))
            let words = PageWords(language: chrome.language)
            let heading = serverError.status == .notFound ? words.notFound : words.problem
            return renderer.message(heading, serverError.message, chrome: chrome, status: serverError.status, headers: serverError.headers)
        }
    }

    static let tooLarge = ServerError(.contentTooLarge, id: "body_too_large", "the request body is larger than 1 MiB")

    static func serverError(for error: any Error) -> ServerError {
        switch error {
        case let error as ServerError:
            return error
        case is NIOTooManyBytesError:
            return tooLarge
        case let error as HTTPError:
            switch error.status {
            case .notFound: return ServerError.notFound("no such page or route")
            case .contentTooLarge: return tooLarge
            case .methodNotAllowed: return ServerError(.methodNotAllowed, id: "method_not_allowed", "this route does not take that method")
            default:
                let id = error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
                return ServerError(error.status, id: id, error.body ?? error.status.reasonPhrase.lowercased())
            }
        default:
            return ServerError(.internalServerError, id: "internal", "the server could not complete this request")
        }
    }
}
