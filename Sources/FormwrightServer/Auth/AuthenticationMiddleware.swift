import Hummingbird

/// Works out who is asking — a bearer token or a session cookie — before any route runs.
///
/// It never refuses by itself: routes decide what an anonymous caller may do (public forms only).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = FormwrightRequestContext

    let access: AccessControl

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            guard header.hasPrefix("Bearer "), access.isAdminToken(String(header.dropFirst("Bearer ".count))) else {
                throw ServerError.unauthorized
            }
            context.identity = .admin(session: nil)
        } else if let sessionID = request.cookies[SessionCookie.name]?.value, access.session(sessionID) != nil {
            context.identity = .admin(session: sessionID)
        }
        return try await next(request, context)
    }
}

/// The session cookie's name and attributes.
enum SessionCookie {
    static let name = "formwright_session"
    static let anonymousCSRFName = "formwright_csrf"

    /// The cookie that carries a session: HttpOnly, SameSite=Lax, whole site.
    static func set(_ id: String, maxAge: Int) -> String {
        "\(name)=\(id); Path=/; HttpOnly; SameSite=Lax; Max-Age=\(maxAge)"
    }

    /// The cookie that ends a session.
    static var clear: String { "\(name)=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" }
}
