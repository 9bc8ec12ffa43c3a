public import FormwrightCore

/// The result of one outbound call: the service's answer, or why there is none worth using.
public enum IntegrationOutcome: Sendable, Hashable {
    /// A 2xx answer.
    case success(IntegrationResponse)
    /// A failure, retryable or permanent.
    case failure(IntegrationFailure)

    /// Classifies a service's answer by status: 2xx succeeds; 5xx, 408 and 429 fail retryably
    /// with their `Retry-After` delay; 3xx, other 4xx and anything else fail permanently.
    /// - Parameters:
    ///   - response: the answer.
    ///   - call: the call it answers, named in the message with its secrets hidden.
    ///   - now: the time a `Retry-After` date is measured from.
    public init(classifying response: IntegrationResponse, of call: IntegrationCall, now: Timestamp) {
        let status = response.status
        let retryAfter = response.headers["retry-after"].flatMap { RetryAfter.delay($0, now: now) }
        let failure: IntegrationFailure
        switch status {
        case 200...299:
            self = .success(response)
            return
        case 300...399:
            failure = IntegrationFailure(
                .redirect(status: status), "the service answered \(status), a redirect, which is not followed", response: response)
        case 408:
            failure = IntegrationFailure(.requestTimeout, "the service answered 408 (request timeout)", retryAfter: retryAfter, response: response)
        case 429:
            failure = IntegrationFailure(.tooManyRequests, "the service answered 429 (too many requests)", retryAfter: retryAfter, response: response)
        case 400...499:
            failure = IntegrationFailure(.clientError(status: status), "the service answered \(status)", response: response)
        case 500...599:
            failure = IntegrationFailure(.serverError(status: status), "the service answered \(status)", retryAfter: retryAfter, response: response)
        default:
            failure = IntegrationFailure(.unexpectedStatus(status: status), "the service answered an unexpected status \(status)", response: response)
        }
        self = .failure(failure.about(call))
    }
}
