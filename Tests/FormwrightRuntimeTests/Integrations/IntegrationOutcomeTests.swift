import FormwrightCore
import Testing

@testable import FormwrightRuntime

@Suite struct IntegrationOutcomeTests {
    let now = Timestamp(seconds: 1_792_567_680)
    let call = IntegrationCall(
        url: "https://api.example.com/score?key=sk-live-123456", method: .post,
        headers: [IntegrationHeader(name: "Authorization", value: "Bearer tok-987654", isSecret: true)],
        secretParts: ["sk-live-123456"]
    )

    func failure(_ status: Int, headers: [String: String] = [:]) throws -> IntegrationFailure {
        let outcome = IntegrationOutcome(classifying: IntegrationResponse(status: status, headers: headers, body: .null), of: call, now: now)
        guard case .failure(let failure) = outcome else {
            Issue.record("status \(status) succeeded")
            throw CancellationError()
        }
        return failure
    }

    @Test(arguments: [200, 201, 204, 299])
    func succeedsOn2xx(status: Int) {
        let response = IntegrationResponse(status: status, headers: [:], body: .string("ok"))
        #expect(IntegrationOutcome(classifying: response, of: call, now: now) == .success(response))
    }

    @Test func retriesServerErrorsAnd408And429() throws {
        #expect(try failure(500).reason == .serverError(status: 500))
        #expect(try failure(503).isRetryable)
        #expect(try failure(599).isRetryable)
        #expect(try failure(408).reason == .requestTimeout)
        #expect(try failure(408).isRetryable)
        #expect(try failure(429).reason == .tooManyRequests)
        #expect(try failure(429).isRetryable)
        #expect(try failure(429).retryAfter == nil)
    }

    @Test func takesTheDelayFromRetryAfter() throws {
        #expect(try failure(429, headers: ["retry-after": "7"]).retryAfter == .seconds(7))
        #expect(try failure(503, headers: ["retry-after": "Wed, 21 Oct 2026 07:30:00 GMT"]).retryAfter == .seconds(120))
        #expect(try failure(429, headers: ["retry-after": "later"]).retryAfter == nil)
    }

    @Test func otherClientErrorsAndRedirectsArePermanent() throws {
        for status in [400, 401, 403, 404, 409, 422, 499] {
            let failure = try failure(status, headers: ["retry-after": "5"])
            #expect(failure.reason == .clientError(status: status))
            #expect(!failure.isRetryable)
            #expect(failure.retryAfter == nil)
        }
        for status in [301, 302, 307, 308] {
            #expect(try failure(status).reason == .redirect(status: status))
            #expect(try !failure(status).isRetryable)
        }
        #expect(try failure(600).reason == .unexpectedStatus(status: 600))
        #expect(try failure(101).reason == .unexpectedStatus(status: 101))
    }

    @Test func messagesNameTheCallWithoutItsSecrets() throws {
        let failure = try failure(404)
        #expect(failure.message == "calling POST https://api.example.com/score?key=[redacted]: the service answered 404")
        #expect(!failure.description.contains("sk-live-123456"))
        #expect(!failure.description.contains("tok-987654"))
        #expect(failure.response?.status == 404)
    }
}
