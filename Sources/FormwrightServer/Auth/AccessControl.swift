import FormwrightCore
import Foundation
import Synchronization

/// Tokens, sessions and CSRF tokens: who may call the API and see the pages.
///
/// Sessions live in this process's memory and end when it stops; people sign in again with
/// the login link. Tokens are compared in constant time.
public final class AccessControl: Sendable {
    /// A signed-in browser session.
    struct Session: Sendable {
        var csrfToken: String
        var expires: Date
    }

    private struct State {
        var sessions: [String: Session] = [:]
        var loginCodes: [String: Date] = [:]
    }

    /// The admin token.
    public let adminToken: String
    private let state = Mutex(State())
    /// How long a session lasts.
    let sessionLifetime: TimeInterval = 12 * 3600
    /// How long a login link stays valid.
    let loginCodeLifetime: TimeInterval = 15 * 60

    /// Creates access control around an admin token.
    public init(adminToken: String) {
        self.adminToken = adminToken
    }

    /// A fresh random token: 32 bytes, URL-safe base64 without padding.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether a bearer token is the admin token.
    public func isAdminToken(_ token: String) -> Bool {
        Self.constantTimeEqual(token, adminToken)
    }

    /// A one-time code for a login link; it works once, within 15 minutes.
    public func makeLoginCode() -> String {
        let code = Self.randomToken()
        state.withLock { $0.loginCodes[code] = Date().addingTimeInterval(loginCodeLifetime) }
        return code
    }

    /// Starts a session for a login code (consumed) or the admin token; nil when neither is valid.
    func signIn(with token: String) -> String? {
        let now = Date()
        let accepted = state.withLock { state -> Bool in
            if let expiry = state.loginCodes.removeValue(forKey: token) { return expiry > now }
            return false
        }
        guard accepted || isAdminToken(token) else { return nil }
        let sessionID = Self.randomToken()
        let session = Session(csrfToken: Self.randomToken(), expires: now.addingTimeInterval(sessionLifetime))
        state.withLock { state in
            state.sessions = state.sessions.filter { $0.value.expires > now }
            state.sessions[sessionID] = session
        }
        return sessionID
    }

    /// The live session with an identifier.
    func session(_ id: String) -> Session? {
        state.withLock { state in
            guard let session = state.sessions[id], session.expires > Date() else { return nil }
            return session
        }
    }

    /// Ends a session.
    func signOut(_ id: String) {
        _ = state.withLock { $0.sessions.removeValue(forKey: id) }
    }

    /// Compares two strings without stopping at the first difference.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}
