import FormwrightCore
import FormwrightHTTPClient
import FormwrightRuntime
import Foundation
import Testing

/// The client against a real HTTP service on a loopback port. The service is on loopback, so
/// calls say `allowPrivate: true` except where the address guard itself is tested.
@Suite struct OutboundHTTPClientTests {
    let service = TestService()
    /// 2026-10-21T07:28:00Z, the clock `Retry-After` dates are measured against.
    static let now = Timestamp(seconds: 1_792_567_680)

    static func call(_ port: Int, _ path: String, method: IntegrationMethod = .get, timeout: Duration = .seconds(20)) -> IntegrationCall {
        IntegrationCall(url: "http://127.0.0.1:\(port)\(path)", method: method, timeout: timeout, allowPrivate: true)
    }

    static func failure(_ outcome: IntegrationOutcome) throws -> IntegrationFailure {
        guard case .failure(let failure) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            throw CancellationError()
        }
        return failure
    }

    @Test func readsAJSONBody() async throws {
        try await service.run { port, client in
            let outcome = await client.perform(Self.call(port, "/json"))
            guard case .success(let response) = outcome else {
                Issue.record("\(outcome)")
                return
            }
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/json")
            #expect(
                response.body
                    == .map(ValueMap([(.string("score"), .double(0.75)), (.string("label"), .string("positive")), (.string("n"), .int(3))])))
        }
    }

    @Test func readsOtherBodiesAsText() async throws {
        try await service.run { port, client in
            let response = try await client.send(Self.call(port, "/text"))
            #expect(response.body == .string("plain words"))
        }
    }

    @Test func aServerErrorIsRetryable() async throws {
        try await service.run { port, client in
            let failure = try Self.failure(await client.perform(Self.call(port, "/status/500")))
            #expect(failure.reason == .serverError(status: 500))
            #expect(failure.isRetryable)
            #expect(failure.retryAfter == nil)
            #expect(failure.response?.body == .map(ValueMap([(.string("error"), .string("status 500"))])))
            #expect(failure.message == "calling GET http://127.0.0.1:\(port)/status/500: the service answered 500")
        }
    }

    @Test func tooManyRequestsCarriesItsRetryAfterDelay() async throws {
        try await service.run { port, client in
            let seconds = try Self.failure(await client.perform(Self.call(port, "/status/429?retry_after=7"), now: { Self.now }))
            #expect(seconds.reason == .tooManyRequests)
            #expect(seconds.isRetryable)
            #expect(seconds.retryAfter == .seconds(7))
            let date = "Wed,%2021%20Oct%202026%2007:30:00%20GMT"
            let dated = try Self.failure(await client.perform(Self.call(port, "/status/429?retry_after=\(date)"), now: { Self.now }))
            #expect(dated.retryAfter == .seconds(120))
            let unavailable = try Self.failure(await client.perform(Self.call(port, "/status/503?retry_after=999999"), now: { Self.now }))
            #expect(unavailable.retryAfter == RetryAfter.maximum)
        }
    }

    @Test func notFoundIsPermanent() async throws {
        try await service.run { port, client in
            let failure = try Self.failure(await client.perform(Self.call(port, "/status/404")))
            #expect(failure.reason == .clientError(status: 404))
            #expect(!failure.isRetryable)
        }
    }

    @Test func aHangingServiceTimesOutRetryably() async throws {
        try await service.run { port, client in
            for path in ["/slow", "/slow-body"] {
                let clock = ContinuousClock()
                let start = clock.now
                let failure = try Self.failure(await client.perform(Self.call(port, path, timeout: .milliseconds(400))))
                let elapsed = clock.now - start
                #expect(failure.reason == .timeout, "\(path): \(failure)")
                #expect(failure.isRetryable)
                #expect(elapsed >= .milliseconds(400))
                // The service answers after 10 s; before that means the timeout ended the call.
                #expect(elapsed < .seconds(9), "\(path) took \(elapsed)")
            }
        }
    }

    @Test func aRedirectIsNotFollowed() async throws {
        try await service.run { port, client in
            let failure = try Self.failure(await client.perform(Self.call(port, "/redirect")))
            #expect(failure.reason == .redirect(status: 302))
            #expect(!failure.isRetryable)
            #expect(failure.response?.headers["location"] == "/json")
            #expect(service.hits.count("/redirect") == 1)
            #expect(service.hits.count("/json") == 0)
        }
    }

    @Test func anOversizedBodyFailsTheCall() async throws {
        try await service.run { port, client in
            for path in ["/big", "/big-chunked"] {
                let failure = try Self.failure(await client.perform(Self.call(port, path)))
                #expect(failure.reason == .responseTooLarge, "\(path): \(failure)")
                #expect(!failure.isRetryable)
                #expect(failure.message.hasSuffix("the response body is larger than 1048576 bytes"))
            }
            var small = Self.call(port, "/big?bytes=100")
            small.maximumResponseBytes = 99
            #expect(try Self.failure(await client.perform(small)).reason == .responseTooLarge)
            small.maximumResponseBytes = 100
            #expect(try await client.send(small).body == .string(String(repeating: "x", count: 100)))
        }
    }

    @Test func sendsTheIdempotencyKeyAndAJSONBody() async throws {
        try await service.run { port, client in
            var call = Self.call(port, "/echo", method: .post)
            call.idempotencyKey = "wf-42-step-score-attempt-1"
            call.body = .map(ValueMap([(.string("text"), .string("很好 great")), (.string("n"), .int(2))]))
            call.headers = [
                IntegrationHeader(name: "Idempotency-Key", value: "overridden"),
                IntegrationHeader(name: "Authorization", value: "Bearer abc", isSecret: true),
            ]
            let echo = try await client.send(call).body
            guard case .map(let map) = echo else {
                Issue.record("\(echo)")
                return
            }
            #expect(map[.string("idempotency-key")] == .string("wf-42-step-score-attempt-1"))
            #expect(map[.string("content-type")] == .string("application/json"))
            #expect(map[.string("authorization")] == .string("Bearer abc"))
            #expect(map[.string("method")] == .string("POST"))
            #expect(map[.string("body")] == .string(#"{"text":"很好 great","n":2}"#))
        }
    }

    @Test func loopbackIsRefusedWithoutAllowPrivate() async throws {
        try await service.run { port, client in
            for url in ["http://127.0.0.1:\(port)/json", "http://[::1]:\(port)/json", "http://[::ffff:127.0.0.1]:\(port)/json"] {
                let failure = try Self.failure(await client.perform(IntegrationCall(url: url)))
                #expect(failure.reason == .refusedAddress, "\(url): \(failure)")
                #expect(!failure.isRetryable)
                #expect(failure.message.hasSuffix("is a loopback address; calls to loopback, private and link-local addresses need allow_private"))
            }
            #expect(service.hits.count("/json") == 0)
        }
    }

    @Test func aNameThatResolvesToLoopbackIsRefused() async throws {
        try await service.run { port, client in
            let failure = try Self.failure(await client.perform(IntegrationCall(url: "http://localhost:\(port)/json")))
            #expect(failure.reason == .refusedAddress)
            #expect(failure.message.contains("'localhost' resolves to"))
            // The same name with allow_private reaches the service.
            let allowed = await client.perform(IntegrationCall(url: "http://localhost:\(port)/json", allowPrivate: true))
            guard case .success = allowed else {
                Issue.record("\(allowed)")
                return
            }
            #expect(service.hits.count("/json") == 1)
        }
    }

    @Test func privateAndMetadataAddressesAreRefusedBeforeAnyConnection() async throws {
        try await service.run { _, client in
            for url in [
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1:8080/", "http://[fd00::1]/", "http://0.0.0.0/",
            ] {
                let clock = ContinuousClock()
                let start = clock.now
                let failure = try Self.failure(await client.perform(IntegrationCall(url: url, timeout: .seconds(60))))
                #expect(failure.reason == .refusedAddress, "\(url): \(failure)")
                // A connection attempt would wait out the minute; refusing first takes no time.
                #expect(clock.now - start < .seconds(10))
            }
        }
    }

    @Test func aClosedPortIsARetryableNetworkFailureAtOnce() async throws {
        try await service.run { _, client in
            let clock = ContinuousClock()
            let start = clock.now
            let failure = try Self.failure(
                await client.perform(IntegrationCall(url: "http://127.0.0.1:1/", timeout: .seconds(60), allowPrivate: true)))
            #expect(failure.reason == .network, "\(failure)")
            #expect(failure.isRetryable)
            // Retrying the connection would take the whole minute.
            #expect(clock.now - start < .seconds(20))
        }
    }

    @Test(arguments: [
        "ftp://example.com/", "example.com/score", "http://", "http:///path", "http://user:pw@example.com/", "http://[::1/",
        "http://example.com:99999/", "http://exa mple.com/", "http://bücher.example/", "http://example.com:12a/",
    ])
    func anInvalidURLIsPermanent(url: String) async throws {
        try await service.run { _, client in
            let failure = try Self.failure(await client.perform(IntegrationCall(url: url)))
            #expect(failure.reason == .invalidURL, "\(url): \(failure)")
            #expect(!failure.isRetryable)
        }
    }

    @Test func errorsNeverShowSecrets() async throws {
        let key = "sk-live-0123456789"
        let token = "tok-abcdef-987654"
        try await service.run { port, client in
            // Answers get a generous timeout (a busy machine), the hanging service a short one.
            func secretCall(
                _ url: String, method: IntegrationMethod = .get, allowPrivate: Bool = true, extra: [IntegrationHeader] = [],
                timeout: Duration = .seconds(8)
            ) -> IntegrationCall {
                IntegrationCall(
                    url: url, method: method,
                    headers: [IntegrationHeader(name: "Authorization", value: "Bearer \(token)", isSecret: true)] + extra,
                    timeout: timeout, allowPrivate: allowPrivate, secretParts: [key, token])
            }
            let failures = [
                try Self.failure(await client.perform(secretCall("http://127.0.0.1:\(port)/status/404?key=\(key)"))),
                try Self.failure(await client.perform(secretCall("http://127.0.0.1:\(port)/status/500?key=\(key)"))),
                try Self.failure(await client.perform(secretCall("http://127.0.0.1:\(port)/slow?key=\(key)", timeout: .seconds(1)))),
                try Self.failure(await client.perform(secretCall("http://127.0.0.1:\(port)/json?key=\(key)", allowPrivate: false))),
                try Self.failure(await client.perform(secretCall("http://127.0.0.1:1/?key=\(key)"))),
                try Self.failure(await client.perform(secretCall("gopher://h/\(key)"))),
                try Self.failure(
                    await client.perform(
                        secretCall("http://127.0.0.1:\(port)/echo", method: .post, extra: [IntegrationHeader(name: "X-\(token)", value: "a\nb")]))),
            ]
            for failure in failures {
                #expect(!failure.message.contains(key), "\(failure.message)")
                #expect(!failure.message.contains(token), "\(failure.message)")
                #expect(!"\(failure)".contains(key))
                #expect(failure.message.contains(SecretRedactor.mask))
            }
            #expect(failures[0].message == "calling GET http://127.0.0.1:\(port)/status/404?key=[redacted]: the service answered 404")
            #expect(
                failures.map(\.reason) == [
                    .clientError(status: 404), .serverError(status: 500), .timeout, .refusedAddress, .network, .invalidURL, .invalidRequest,
                ])
        }
    }
}
