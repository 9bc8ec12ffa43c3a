/// Replaces every occurrence of known secret values in text with `[redacted]`.
///
/// Longer secrets are replaced first, so a secret that contains another is hidden whole; an
/// empty secret hides nothing.
public struct SecretRedactor: Sendable, Hashable {
    /// The text that replaces a secret.
    public static let mask = "[redacted]"

    /// The secrets, longest first.
    public let secrets: [String]

    /// Creates a redactor for the given secret values.
    public init(secrets: [String]) {
        self.secrets = Set(secrets.filter { !$0.isEmpty }).sorted { ($0.utf8.count, $0) > ($1.utf8.count, $1) }
    }

    /// The text with every secret replaced by `[redacted]`.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacing(secret, with: SecretRedactor.mask)
        }
        return result
    }
}
