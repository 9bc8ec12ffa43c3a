// The floor for HTTP benchmarks: a Hummingbird server whose POST route reads the body and
// answers 201 with a fixed id, doing nothing else. Prints its URL, then serves until stopped.
import Hummingbird

let router = Router()
router.post("/submit") { request, context -> Response in
    _ = try await request.body.collect(upTo: 1024 * 1024)
    return Response(status: .created, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\"id\":\"x\"}")))
}
let port = Int(CommandLine.arguments.dropFirst().first ?? "8090") ?? 8090
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
print("http://127.0.0.1:\(port)/")
try await app.runService()
