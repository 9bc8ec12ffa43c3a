import AsyncHTTPClient
import FormwrightRuntime
import NIOCore

extension OutboundHTTPClient {
    /// Classifies an error from AsyncHTTPClient or NIO: timeouts and connection errors are
    /// retryable, a URL it cannot use and an oversized body are not.
    static func failure(from error: any Error, call: IntegrationCall) -> IntegrationFailure {
        if let failure = error as? IntegrationFailure { return failure }
        if error is NIOTooManyBytesError {
            return IntegrationFailure(.responseTooLarge, "the response body is larger than \(call.maximumResponseBytes) bytes")
        }
        if error is CancellationError { return IntegrationFailure(.network, "the call was cancelled") }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return IntegrationFailure(.timeout, "no complete answer within \(call.timeout)")
            case .invalidURL, .emptyHost, .emptyScheme:
                return IntegrationFailure(.invalidURL, "the URL is not valid: \(clientError)")
            case .cancelled:
                return IntegrationFailure(.network, "the call was cancelled")
            default:
                return IntegrationFailure(.network, "the connection failed: \(clientError)")
            }
        }
        return IntegrationFailure(.network, "the connection failed: \(error)")
    }
}

extension TimeAmount {
    /// A Swift duration as a NIO time amount, saturating instead of overflowing.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let (wholeNanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else {
            self = .nanoseconds(seconds < 0 ? .min : .max)
            return
        }
        let (total, sumOverflow) = wholeNanoseconds.addingReportingOverflow(attoseconds / 1_000_000_000)
        self = .nanoseconds(sumOverflow ? (seconds < 0 ? .min : .max) : total)
    }
}
