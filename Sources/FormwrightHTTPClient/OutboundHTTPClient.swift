import AsyncHTTPClient
import FormwrightCore
public import FormwrightRuntime
import NIOCore
import NIOHTTP1
import NIOPosix

/// The `OutboundHTTP` transport over AsyncHTTPClient: one shared client for every call.
///
/// Redirects are not followed (a 3xx comes back as the answer), the address guard
/// (`AddressGuard`) runs before every connection, each call's `timeout` bounds the whole call
/// (resolving, connecting, sending, reading the full body), a body larger than the call's
/// `maximumResponseBytes` fails the call, and `idempotencyKey` is sent as `Idempotency-Key`.
///
/// The client holds connections open for reuse; call `shutdown()` once when done with it:
///
/// ```swift
/// let transport = OutboundHTTPClient()
/// let outcome = await transport.perform(call)
/// try await transport.shutdown()
/// ```
public final class OutboundHTTPClient: OutboundHTTP {
    private let client: HTTPClient
    private let addressGuard = AddressGuard(resolver: HostResolver())

    /// Creates the client on NIO's shared event loops.
    public init() {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.decompression = .disabled
        // A refused connection fails the call at once; retrying is the workflow's decision.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }

    /// Closes the client's connections; every call after it fails. Call it exactly once.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Sends the call and returns the service's answer, whatever its status.
    public func send(_ call: IntegrationCall) async throws(IntegrationFailure) -> IntegrationResponse {
        do {
            return try await withDeadline(call.timeout) { try await self.exchange(call) }
        } catch let failure as IntegrationFailure {
            throw failure.about(call)
        } catch {
            throw OutboundHTTPClient.failure(from: error, call: call).about(call)
        }
    }

    /// Guard, request and the full body, in that order.
    private func exchange(_ call: IntegrationCall) async throws -> IntegrationResponse {
        let target = try CallTarget(url: call.url)
        let destination = try await addressGuard.destination(for: target, allowPrivate: call.allowPrivate)
        let request = try OutboundHTTPClient.request(for: call, destination: destination)
        let response = try await client.execute(request, deadline: .now() + TimeAmount(call.timeout))
        let body = try await response.body.collect(upTo: max(0, call.maximumResponseBytes))
        return try IntegrationResponse(
            status: Int(response.status.code),
            headerFields: response.headers.map { (name: $0.name, value: $0.value) },
            bodyBytes: Array(body.readableBytesView)
        )
    }

    static func request(for call: IntegrationCall, destination: AddressGuard.Destination) throws(IntegrationFailure) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: destination.url)
        request.method = HTTPMethod(rawValue: call.method.rawValue)
        for header in call.headers {
            guard HeaderText.isName(header.name), HeaderText.isValue(header.value) else {
                throw IntegrationFailure(
                    .invalidRequest,
                    "the header '\(HeaderText.shown(header.name))' cannot be sent: a name must be a token and a value may not hold line breaks")
            }
            request.headers.add(name: header.name, value: header.value)
        }
        if let hostHeader = destination.hostHeader { request.headers.replaceOrAdd(name: "Host", value: hostHeader) }
        if let key = call.idempotencyKey {
            guard HeaderText.isValue(key) else { throw IntegrationFailure(.invalidRequest, "the idempotency key cannot be sent as a header value") }
            request.headers.replaceOrAdd(name: "Idempotency-Key", value: key)
        }
        if let body = call.body {
            if !request.headers.contains(name: "Content-Type") { request.headers.add(name: "Content-Type", value: "application/json") }
            request.body = .bytes(ByteBuffer(string: JSONWriter.write(body)))
        }
        return request
    }

    /// Runs the work, failing with a timeout when it has not finished within the duration.
    private func withDeadline<Result: Sendable>(
        _ timeout: Duration, _ work: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else {
                throw IntegrationFailure(.timeout, "no complete answer within \(timeout)")
            }
            return result
        }
    }
}
