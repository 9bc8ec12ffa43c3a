import FormwrightDefinition
import FormwrightRuntime
import FormwrightServer
import FormwrightStorage
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A server over an example app (customer-sentiment unless named) on an in-memory store, driven through the router without a socket.
struct ServerHarness {
    static let token = "test-admin-token-0123456789abcdef"
    let server: FormwrightHTTPServer
    let runtime: AppRuntime

    init(
        app: String = "customer-sentiment", configuration: ServerConfiguration = ServerConfiguration(adminToken: ServerHarness.token),
        metrics: ServerMetrics = ServerMetrics()
    ) async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try await self.init(folder: root.appendingPathComponent("apps/\(app)"), configuration: configuration, metrics: metrics)
    }

    /// A server over the app in a folder.
    init(
        folder: URL, configuration: ServerConfiguration = ServerConfiguration(adminToken: ServerHarness.token),
        metrics: ServerMetrics = ServerMetrics()
    )
        async throws
    {
        let loaded = try DefinitionLoader().load(path: folder.path)
        let definition = try #require(loaded.first?.definition)
        runtime = AppRuntime(definition: definition, storage: MemoryStorage())
        try await runtime.prepare()
        server = try FormwrightHTTPServer(apps: AppRegistry([runtime]), configuration: configuration, metrics: metrics)
    }

    /// Runs requests against the router.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Application(responder: server.responder()).test(.router, body)
    }

    static var admin: HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }

    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
