import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// A real quote service on a loopback port that answers each request as its script says and
/// records every request it receives, so a test can check from the service's side what was sent.
final class RecordingService: Sendable {
    /// One request as the service received it.
    struct Request: Sendable {
        let path: String
        let idempotencyKey: String?
        let body: String
        let arrival: ContinuousClock.Instant
    }

    /// How the service answers one request.
    enum Reply: Sendable {
        /// 200 with `{"price": price}`.
        case price(Double)
        /// The status, with a `Retry-After` header when given.
        case status(Int, retryAfter: String? = nil)
        /// Waits this long, then answers 200 with a price of 1.
        case hang(Duration)
    }

    private let script: @Sendable (_ number: Int) -> Reply
    private let received = Mutex<[Request]>([])

    /// - Parameter script: the reply to the request with this 0-based number, counted over all paths.
    init(_ script: @escaping @Sendable (_ number: Int) -> Reply) {
        self.script = script
    }

    /// Every request received, in order of arrival.
    var requests: [Request] { received.withLock { $0 } }

    /// The Idempotency-Key of every request, in order of arrival.
    var keys: [String?] { requests.map(\.idempotencyKey) }

    /// Runs the body with the service listening on 127.0.0.1 and an ephemeral port.
    func run(_ body: @Sendable @escaping (_ port: Int) async throws -> Void) async throws {
        let router = Router()
        router.post("/quote/{item}") { request, _ in try await self.answer(request) }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body(try #require(client.port))
        }
    }

    private func answer(_ request: Hummingbird.Request) async throws -> Response {
        let arrival = ContinuousClock.now
        let body = try await request.body.collect(upTo: 64 * 1024)
        let key = HTTPField.Name("Idempotency-Key").flatMap { request.headers[$0] }
        let number = received.withLock { requests in
            requests.append(Request(path: request.uri.path, idempotencyKey: key, body: String(buffer: body), arrival: arrival))
            return requests.count - 1
        }
        switch script(number) {
        case .price(let price):
            return Self.json(#"{"price": \#(price)}"#)
        case .status(let code, let retryAfter):
            var response = Self.json(#"{"error": "status \#(code)"}"#, status: .init(code: code))
            if let retryAfter { response.headers[.retryAfter] = retryAfter }
            return response
        case .hang(let duration):
            try await Task.sleep(for: duration)
            return Self.json(#"{"price": 1}"#)
        }
    }

    private static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
