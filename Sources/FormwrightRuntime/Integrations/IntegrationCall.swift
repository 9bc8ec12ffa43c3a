public import FormwrightCore

/// One outbound HTTP request, fully resolved: the URL is final text, every value computed.
///
/// The runtime builds it from an integration's definition and hands it to an `OutboundHTTP`
/// transport. Values read from secrets are marked (`IntegrationHeader.isSecret`,
/// `secretParts`) so that no message about the call ever shows them:
///
/// ```swift
/// let call = IntegrationCall(
///     url: "https://api.example.com/score?key=\(apiKey)", method: .post,
///     headers: [IntegrationHeader(name: "Authorization", value: "Bearer \(token)", isSecret: true)],
///     body: .map(ValueMap([(.string("text"), .string(transcript))])),
///     timeout: .seconds(5), secretParts: [apiKey])
/// ```
public struct IntegrationCall: Sendable, Hashable {
    /// The largest response body read by default: 1 MiB.
    public static let defaultMaximumResponseBytes = 1024 * 1024
    /// The timeout when none is given: 10 seconds.
    public static let defaultTimeout = Duration.seconds(10)

    /// The absolute `http` or `https` URL to call.
    public var url: String
    /// The request method.
    public var method: IntegrationMethod
    /// Request headers in order; `Idempotency-Key` and a JSON body's `Content-Type` are added by the transport.
    public var headers: [IntegrationHeader]
    /// The body, sent as JSON (`Content-Type: application/json` unless a header names another type); nil sends none.
    public var body: Value?
    /// The whole call's time limit: resolving the host, connecting, sending and reading the full response.
    public var timeout: Duration
    /// Whether the call may reach loopback, private, link-local and other non-public addresses.
    public var allowPrivate: Bool
    /// Sent as the `Idempotency-Key` header so that a service can recognise a retried call.
    public var idempotencyKey: String?
    /// Text within the URL or a header value that came from a secret (an API key in the query
    /// string, the token after `Bearer `); a header marked secret is hidden whole without it.
    public var secretParts: [String]
    /// The largest response body accepted, in bytes; a larger one fails the call.
    public var maximumResponseBytes: Int

    /// Creates a call.
    public init(
        url: String, method: IntegrationMethod = .get, headers: [IntegrationHeader] = [], body: Value? = nil,
        timeout: Duration = IntegrationCall.defaultTimeout, allowPrivate: Bool = false, idempotencyKey: String? = nil,
        secretParts: [String] = [], maximumResponseBytes: Int = IntegrationCall.defaultMaximumResponseBytes
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.allowPrivate = allowPrivate
        self.idempotencyKey = idempotencyKey
        self.secretParts = secretParts
        self.maximumResponseBytes = maximumResponseBytes
    }

    /// The redactor that hides this call's secret header values and secret parts.
    public var redactor: SecretRedactor {
        SecretRedactor(secrets: headers.filter(\.isSecret).map(\.value) + secretParts)
    }

    /// `METHOD url` with secrets hidden, for messages and logs.
    public var redactedSummary: String {
        method.rawValue + " " + redactor.redact(url)
    }
}
