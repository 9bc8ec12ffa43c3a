/// Why one try of a step did not succeed, and whether the step may be tried again.
struct StepFailure: Error, Sendable {
    /// What went wrong, with secrets hidden.
    var message: String
    /// Whether trying again may help (a network error, a timeout, a 5xx answer).
    var isRetryable: Bool
    /// The delay the service asked for before a retry.
    var retryAfter: Duration?

    init(_ message: String, isRetryable: Bool = false, retryAfter: Duration? = nil) {
        self.message = message
        self.isRetryable = isRetryable
        self.retryAfter = retryAfter
    }
}
