/// One request header, marked when its value comes from a secret.
public struct IntegrationHeader: Sendable, Hashable {
    /// The header name as written (`Authorization`).
    public var name: String
    /// The header value.
    public var value: String
    /// Whether the value must never appear in a message or log.
    public var isSecret: Bool

    /// Creates a header.
    public init(name: String, value: String, isSecret: Bool = false) {
        self.name = name
        self.value = value
        self.isSecret = isSecret
    }
}
