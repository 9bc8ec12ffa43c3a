import FormwrightServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A client that sends its headers too slowly is disconnected, over a real socket.
@Suite struct SlowClientTests {
    @Test func aClientTrickingHeadersInIsDisconnected() async throws {
        let harness = try await ServerHarness(configuration: ServerConfiguration(port: 0, adminToken: ServerHarness.token, headerDeadlineSeconds: 1))
        try await harness.server.application().test(.live) { client in
            let port = try #require(client.port)
            let socket = try RawSocket(port: port)
            defer { socket.close() }
            let clock = ContinuousClock()
            let start = clock.now
            // A header line every 300 ms keeps an idle timer from ever firing; only the head
            // deadline (1 s here) ends the connection. Give up sending after 12 s.
            #expect(socket.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"))
            for index in 0..<40 {
                try await Task.sleep(for: .milliseconds(300))
                guard socket.send("X-Slow-\(index): 1\r\n") else { break }
            }
            #expect(await socket.receiveUntilClosed(timeoutSeconds: 5) == "")
            #expect(clock.now - start < .seconds(10), "a slow client was not disconnected by the header deadline")
            let prompt = try RawSocket(port: port)
            defer { prompt.close() }
            #expect(prompt.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
            #expect(await prompt.receiveUntilClosed(timeoutSeconds: 5).hasPrefix("HTTP/1.1 200 OK"))
        }
    }

    @Test func aPromptClientKeepsItsConnection() async throws {
        let harness = try await ServerHarness(configuration: ServerConfiguration(port: 0, adminToken: ServerHarness.token, headerDeadlineSeconds: 1))
        try await harness.server.application().test(.live) { client in
            let socket = try RawSocket(port: try #require(client.port))
            defer { socket.close() }
            #expect(socket.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
            #expect(await socket.receiveUntilClosed(timeoutSeconds: 5).hasPrefix("HTTP/1.1 200 OK"))
        }
    }
}

/// A blocking TCP socket to 127.0.0.1, for driving the server byte by byte.
struct RawSocket: Sendable {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var noSignal: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_KEEPALIVE, &noSignal, socklen_t(MemoryLayout<Int32>.size))
    }

    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return Glibc.send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count
    }

    /// Everything received until the server closes the connection (or the timeout passes).
    ///
    /// The blocking reads run on a thread of their own: blocking one of the few cooperative
    /// threads would starve the server under test, whose handlers run on them.
    func receiveUntilClosed(timeoutSeconds: Int) async -> String {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: blockingReceive(timeoutSeconds: timeoutSeconds)) }.start()
        }
    }

    private func blockingReceive(timeoutSeconds: Int) -> String {
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: received, as: UTF8.self)
    }

    func close() { _ = Glibc.close(descriptor) }
}
