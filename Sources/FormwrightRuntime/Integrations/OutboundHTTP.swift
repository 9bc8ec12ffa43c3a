public import FormwrightCore

/// The transport the runtime sends integration calls through.
///
/// A transport sends one `IntegrationCall` and returns whatever the service answered, any
/// status; it throws only when there is no usable answer — a network error, the timeout, a
/// refused address, an invalid URL, an oversized or malformed body — with the message naming
/// the call with its secrets hidden (`IntegrationFailure.about(_:)`). A transport must enforce
/// the call's `timeout`, `allowPrivate`, `maximumResponseBytes` and `idempotencyKey`, and
/// must not follow redirects. `perform(_:)` adds the classification by status:
///
/// ```swift
/// switch await transport.perform(call) {
/// case .success(let response): use(response.body)
/// case .failure(let failure) where failure.isRetryable: retry(after: failure.retryAfter)
/// case .failure(let failure): record(failure.message)
/// }
/// ```
public protocol OutboundHTTP: Sendable {
    /// Sends the call and returns the service's answer, whatever its status.
    func send(_ call: IntegrationCall) async throws(IntegrationFailure) -> IntegrationResponse
}

extension OutboundHTTP {
    /// Sends the call and classifies the result: a 2xx answer succeeds, anything else fails,
    /// retryably or not (see `IntegrationOutcome`).
    /// - Parameter now: the clock a `Retry-After` date is measured against.
    public func perform(_ call: IntegrationCall, now: @Sendable () -> Timestamp = { .now }) async -> IntegrationOutcome {
        do {
            let response = try await send(call)
            return IntegrationOutcome(classifying: response, of: call, now: now())
        } catch {
            return .failure(error)
        }
    }
}
