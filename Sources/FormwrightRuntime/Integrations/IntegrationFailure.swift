/// Why an outbound call did not succeed, and whether trying again may help.
///
/// Retryable: a network error, a timeout, a 5xx status, 408 and 429 — the last three with the
/// delay the service asked for in `Retry-After`, if any. Permanent: any other 4xx, a 3xx
/// (redirects are not followed), a refused address, an invalid URL or header, an oversized or
/// malformed response body. Messages name the call with its secrets hidden.
public struct IntegrationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// The connection failed or broke (refused, reset, TLS, name resolution).
        case network
        /// The call did not complete within its timeout.
        case timeout
        /// The service answered 5xx.
        case serverError(status: Int)
        /// The service answered 408 Request Timeout.
        case requestTimeout
        /// The service answered 429 Too Many Requests.
        case tooManyRequests
        /// The service answered a 4xx other than 408 and 429.
        case clientError(status: Int)
        /// The service answered 3xx; redirects are not followed.
        case redirect(status: Int)
        /// The service answered a status outside 200–599 that is not a final success.
        case unexpectedStatus(status: Int)
        /// The address is loopback, private, link-local or otherwise not public, and the call does not allow it.
        case refusedAddress
        /// The URL is not an absolute `http` or `https` URL with a host.
        case invalidURL
        /// A header name or value cannot be sent (a line break in a value, say).
        case invalidRequest
        /// The response body is larger than the call allows.
        case responseTooLarge
        /// The response could not be read as what it claims to be (a JSON body that does not parse).
        case invalidResponse
    }

    /// What went wrong.
    public var reason: Reason
    /// A message naming the call, lower case, with secrets hidden.
    public var message: String
    /// The delay the service asked for before a retry (`Retry-After`), already bounded.
    public var retryAfter: Duration?
    /// The response, when the failure is the service's status.
    public var response: IntegrationResponse?

    /// Creates a failure.
    public init(_ reason: Reason, _ message: String, retryAfter: Duration? = nil, response: IntegrationResponse? = nil) {
        self.reason = reason
        self.message = message
        self.retryAfter = retryAfter
        self.response = response
    }

    /// Whether the same call may succeed if tried again later.
    public var isRetryable: Bool {
        switch reason {
        case .network, .timeout, .serverError, .requestTimeout, .tooManyRequests: true
        case .clientError, .redirect, .unexpectedStatus, .refusedAddress, .invalidURL, .invalidRequest, .responseTooLarge, .invalidResponse:
            false
        }
    }

    /// The same failure with the call named in front (`calling POST https://…: `) and every
    /// secret of the call hidden in the message.
    public func about(_ call: IntegrationCall) -> IntegrationFailure {
        var failure = self
        failure.message = call.redactor.redact("calling \(call.redactedSummary): \(message)")
        return failure
    }

    public var description: String { message }
}
