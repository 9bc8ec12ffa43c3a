public import FormwrightCore

/// Who is making a request.
public enum Identity: Sendable, Hashable {
    /// Nobody signed in: may only submit public forms.
    case anonymous
    /// The admin, by token or session.
    case admin(session: String?)

    /// Whether the caller is signed in.
    public var isSignedIn: Bool {
        if case .admin = self { return true }
        return false
    }

    /// The caller as `user` in expressions: `{"name": "admin", "roles": ["admin"]}`, or an empty map when anonymous.
    public var expressionValue: Value {
        guard isSignedIn else { return .map(ValueMap()) }
        return .map(ValueMap([(.string("name"), .string("admin")), (.string("roles"), .list([.string("admin")]))]))
    }
}
