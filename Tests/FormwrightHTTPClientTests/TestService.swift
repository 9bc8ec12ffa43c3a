import FormwrightHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// A real HTTP service on a loopback port, answering the ways an integration's service may.
struct TestService {
    /// Requests seen per path, so a test can tell what was (not) called.
    final class Hits: Sendable {
        private let counts = Mutex<[String: Int]>([:])

        func record(_ path: String) { counts.withLock { $0[path, default: 0] += 1 } }
        func count(_ path: String) -> Int { counts.withLock { $0[path] ?? 0 } }
    }

    let hits = Hits()

    func router() -> Router<BasicRequestContext> {
        let hits = self.hits
        let router = Router()
        router.middlewares.add(HitCounter(hits: hits))
        router.get("/json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"score": 0.75, "label": "positive", "n": 3}"#)))
        }
        router.get("/text") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "plain words")))
        }
        router.get("/status/{code}") { request, context in
            let code = context.parameters.get("code", as: Int.self) ?? 500
            var headers: HTTPFields = [.contentType: "application/json"]
            if let retryAfter = request.uri.queryParameters.get("retry_after") { headers[.retryAfter] = retryAfter }
            return Response(
                status: .init(code: code), headers: headers, body: .init(byteBuffer: ByteBuffer(string: #"{"error": "status \#(code)"}"#)))
        }
        router.get("/slow") { _, _ in
            try await Task.sleep(for: .seconds(10))
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "late")))
        }
        router.get("/slow-body") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: "first part, "))
                    try await Task.sleep(for: .seconds(10))
                    try await writer.write(ByteBuffer(string: "too late"))
                    try await writer.finish(nil)
                })
        }
        router.get("/redirect") { _, _ in
            Response(status: .found, headers: [.location: "/json"])
        }
        router.get("/big") { request, _ in
            let size = request.uri.queryParameters.get("bytes", as: Int.self) ?? 2 * 1024 * 1024
            return Response(
                status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: size)))
        }
        router.get("/big-chunked") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain"],
                body: ResponseBody { writer in
                    for _ in 0..<40 { try await writer.write(ByteBuffer(repeating: UInt8(ascii: "y"), count: 64 * 1024)) }
                    try await writer.finish(nil)
                })
        }
        router.post("/echo") { request, _ in
            let body = try await request.body.collect(upTo: 1024 * 1024)
            var echo: [String: String] = ["method": request.method.rawValue, "body": String(buffer: body)]
            for name in ["Idempotency-Key", "Host", "Content-Type", "Authorization"] {
                if let field = HTTPField.Name(name), let value = request.headers[field] { echo[name.lowercased()] = value }
            }
            let data = try JSONEncoder().encode(echo)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        return router
    }

    /// Runs the body with the service listening on 127.0.0.1 and a fresh client, shut down afterwards.
    func run(_ body: @Sendable @escaping (_ port: Int, _ client: OutboundHTTPClient) async throws -> Void) async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { testClient in
            let port = try #require(testClient.port)
            let client = OutboundHTTPClient()
            do {
                try await body(port, client)
            } catch {
                try await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }
}

/// Counts every request by path before routing it.
struct HitCounter: RouterMiddleware {
    let hits: TestService.Hits

    func handle(_ request: Request, context: BasicRequestContext, next: (Request, BasicRequestContext) async throws -> Response) async throws
        -> Response
    {
        hits.record(request.uri.path)
        return try await next(request, context)
    }
}
