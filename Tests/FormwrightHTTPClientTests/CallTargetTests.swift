import FormwrightCore
import FormwrightRuntime
import Testing

@testable import FormwrightHTTPClient

@Suite struct CallTargetTests {
    @Test func splitsAURL() throws {
        let target = try CallTarget(url: "HTTPS://API.Example.com:8443/v1/score?x=1&y=%20#frag")
        #expect(target.scheme == "https")
        #expect(target.host == "api.example.com")
        #expect(target.port == 8443)
        #expect(target.explicitPort)
        #expect(target.pathAndQuery == "/v1/score?x=1&y=%20")
        #expect(target.literal == nil)
        #expect(target.hostHeader == "api.example.com:8443")
    }

    @Test func fillsInDefaults() throws {
        let plain = try CallTarget(url: "http://example.com")
        #expect(plain.port == 80)
        #expect(!plain.explicitPort)
        #expect(plain.pathAndQuery == "/")
        #expect(plain.hostHeader == "example.com")
        #expect(try CallTarget(url: "https://example.com?q=1").pathAndQuery == "/?q=1")
        #expect(try CallTarget(url: "https://example.com").port == 443)
    }

    @Test func pinsPlainHTTPToTheCheckedAddressKeepingTheName() throws {
        let target = try CallTarget(url: "http://api.example.com/score?q=1")
        #expect(target.url(connectingTo: try #require(IPAddress("93.184.215.14"))) == "http://93.184.215.14:80/score?q=1")
        #expect(target.url(connectingTo: try #require(IPAddress("2606:2800::1"))) == "http://[2606:2800::1]:80/score?q=1")
        #expect(target.hostHeader == "api.example.com")
    }

    @Test func readsAddressLiterals() throws {
        let v6 = try CallTarget(url: "http://[FE80::1]:81/")
        #expect(v6.literal == IPAddress("fe80::1"))
        #expect(v6.hostHeader == "[fe80::1]:81")
        #expect(try CallTarget(url: "http://127.0.0.1/").literal == IPAddress("127.0.0.1"))
        // Not a literal in strict form: resolved as a name, so the resolver's reading is what is checked.
        #expect(try CallTarget(url: "http://0177.0.0.1/").literal == nil)
    }

    @Test func theRequestCarriesTheHostHeaderAndKey() throws {
        var call = IntegrationCall(url: "http://api.example.com/x", method: .put, body: .list([.int(1)]), idempotencyKey: "k-1")
        call.headers = [IntegrationHeader(name: "Content-Type", value: "application/vnd.api+json")]
        let request = try OutboundHTTPClient.request(
            for: call, destination: AddressGuard.Destination(url: "http://93.184.215.14:80/x", hostHeader: "api.example.com"))
        #expect(request.url == "http://93.184.215.14:80/x")
        #expect(request.method.rawValue == "PUT")
        #expect(request.headers["Host"] == ["api.example.com"])
        #expect(request.headers["Idempotency-Key"] == ["k-1"])
        #expect(request.headers["Content-Type"] == ["application/vnd.api+json"])
    }

    @Test func theGuardPassesPublicLiteralsAndEverythingAllowed() async throws {
        let addressGuard = AddressGuard(resolver: HostResolver())
        let literal = try await addressGuard.destination(for: try CallTarget(url: "http://93.184.215.14/a"), allowPrivate: false)
        #expect(literal == AddressGuard.Destination(url: "http://93.184.215.14/a", hostHeader: nil))
        let allowed = try await addressGuard.destination(for: try CallTarget(url: "http://localhost:9/a"), allowPrivate: true)
        #expect(allowed == AddressGuard.Destination(url: "http://localhost:9/a", hostHeader: nil))
        await #expect(throws: IntegrationFailure.self) {
            try await addressGuard.destination(for: try CallTarget(url: "https://localhost/a"), allowPrivate: false)
        }
    }
}
