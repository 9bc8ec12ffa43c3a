import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// A real HTTP service on a loopback port that prices the orders of the `workflow-crash` fixture.
///
/// It answers `POST …/quote` with `{"price": 12.5}` after `delay`, records every request's
/// `Idempotency-Key` and path, and how many requests with one key were in flight at once. When
/// told to, it holds the first request until `release()` (a call that hangs while a server dies).
final class QuoteService: Sendable {
    /// One request as the service saw it.
    struct Received: Sendable {
        var key: String
        var path: String
    }

    private struct State {
        var requests: [Received] = []
        var inFlight: [String: Int] = [:]
        var mostInFlight: [String: Int] = [:]
        var released = false
    }

    private let state = Mutex(State())
    private let holdsFirst: Bool
    private let delay: Duration

    /// Creates a service.
    /// - Parameters:
    ///   - holdsFirst: whether the first request waits for `release()` before it is answered.
    ///   - delay: how long every request takes.
    init(holdsFirst: Bool = false, delay: Duration = .zero) {
        self.holdsFirst = holdsFirst
        self.delay = delay
    }

    /// The requests received so far, in the order they arrived.
    var requests: [Received] { state.withLock { $0.requests } }

    /// For each key, the most requests with that key that were in flight at the same time.
    var mostInFlight: [String: Int] { state.withLock { $0.mostInFlight } }

    /// Lets the held request (and any later one) be answered.
    func release() {
        state.withLock { $0.released = true }
    }

    private var isReleased: Bool { state.withLock { $0.released } }

    /// Counts a request in; returns whether it is the first one.
    private func begin(_ request: Received) -> Bool {
        state.withLock { state in
            state.requests.append(request)
            state.inFlight[request.key, default: 0] += 1
            state.mostInFlight[request.key] = max(state.mostInFlight[request.key] ?? 0, state.inFlight[request.key] ?? 0)
            return state.requests.count == 1
        }
    }

    private func end(_ key: String) {
        state.withLock { $0.inFlight[key, default: 1] -= 1 }
    }

    private func answer(_ request: Request) async throws -> Response {
        let key = HTTPField.Name("Idempotency-Key").flatMap { request.headers[$0] } ?? ""
        let first = begin(Received(key: key, path: request.uri.path))
        defer { end(key) }
        if first && holdsFirst {
            while !isReleased { try await Task.sleep(for: .milliseconds(20)) }
        }
        if delay > .zero { try await Task.sleep(for: delay) }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"price": 12.5}"#)))
    }

    /// Runs the body with the service listening on 127.0.0.1; the body gets the service's base URL.
    /// A held request is released when the body ends, so the service can shut down.
    func run(_ body: @Sendable @escaping (_ url: String) async throws -> Void) async throws {
        let router = Router()
        router.post("**") { request, _ in try await self.answer(request) }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            defer { self.release() }
            let port = try #require(client.port)
            try await body("http://127.0.0.1:\(port)")
        }
    }
}
