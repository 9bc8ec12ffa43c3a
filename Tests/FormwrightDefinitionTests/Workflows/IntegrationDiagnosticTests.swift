import FormwrightCore
import FormwrightDefinition
import Testing

/// One test per integration diagnostic, and the outbound address guard over every refused range.
@Suite struct IntegrationDiagnosticTests {
    static func http(_ lines: String) -> String {
        "integrations:\n  service:\n    kind: http\n" + lines
    }

    @Test func unknownKind() {
        WorkflowFixture.expectOne(
            "integrations:\n  service:\n    kind: 1️⃣htp\n", id: "definition.invalidValue",
            message: "'htp' is not a valid 'kind'; did you mean 'http'? (one of: http, sentiment)", integrations: false)
    }

    @Test func httpNeedsAURL() {
        WorkflowFixture.expectOne(
            "integrations:\n  1️⃣service:\n    kind: http\n", id: "definition.missingKey",
            message: "http integration 'service' needs a 'url', the address it calls", integrations: false)
    }

    @Test func sentimentTakesNoURL() {
        WorkflowFixture.expectOne(
            "integrations:\n  scorer:\n    kind: sentiment\n    1️⃣url: https://example.com\n", id: "definition.notApplicable",
            message: "'url' applies only to http integrations; a sentiment integration takes the input 'text' and gives 'score' and 'label'",
            integrations: false)
    }

    @Test func privateAddressIsRefused() {
        WorkflowFixture.expectOne(
            Self.http("    url: \"http://1️⃣169.254.169.254/latest/meta-data\"\n"), id: "definition.privateAddress",
            message: "the url calls '169.254.169.254', a link-local address, where cloud metadata services answer; "
                + "such calls are refused unless the integration says 'allow_private: true'",
            integrations: false)
    }

    @Test func privateAddressIsAllowedWhenAsked() {
        let (loaded, _) = WorkflowFixture.load(Self.http("    url: http://localhost:8080/score\n    allow_private: true\n"), integrations: false)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
    }

    @Test func urlMustBeHTTP() {
        WorkflowFixture.expectOne(
            Self.http("    url: 1️⃣ftp://example.com/x\n"), id: "definition.invalidURL",
            message: "the url must start with 'http://' or 'https://', or with a '{{ }}' hole", integrations: false)
    }

    @Test func urlMayNotHoldAPassword() {
        WorkflowFixture.expectOne(
            Self.http("    url: https://1️⃣user:secret@example.com/x\n"), id: "definition.invalidURL",
            message: "the url holds a user name or password before '@'; send credentials in a header read from 'env' instead", integrations: false)
    }

    @Test func responseOutsideOutput() {
        WorkflowFixture.expectOne(
            Self.http("    url: https://example.com/x\n    body: { status: \"= 1️⃣response.status\" }\n"), id: "definition.unavailableName",
            message: "'response' is the reply to the call, so it exists only in 'output'", integrations: false)
    }

    @Test func holeInTheURLIsCheckedAndMarkedSecret() throws {
        WorkflowFixture.expectOne(
            Self.http("    url: \"{{ env.BASE }}/x/{{ 1️⃣inptu.id }}\"\n"), id: "expression.undeclaredReference",
            message: "undeclared reference to 'inptu'; did you mean 'input'?", integrations: false)
        let (loaded, _) = WorkflowFixture.load(Self.http("    url: \"{{ env.BASE }}/x/{{ input.id }}\"\n"), integrations: false)
        let url = try #require(loaded.definition?.expressions.integrations["service"]?.url)
        #expect(url.holdsSecret)
        #expect(url.redacted { _ in "42" } == "{{ env.BASE }}/x/42")
    }

    @Test func undeclaredOutput() {
        WorkflowFixture.expectOne(
            Self.http("    url: https://example.com/x\n    outputs: { score: number }\n    output: { score: \"= 1.0\", 1️⃣scroe: \"= 2.0\" }\n"),
            id: "definition.unknownOutput", message: "output 'scroe' of integration 'service' is not declared in 'outputs'; did you mean 'score'?",
            integrations: false)
    }

    @Test func declaredOutputNotComputed() {
        WorkflowFixture.expectOne(
            Self.http("    url: https://example.com/x\n    outputs: { score: number, 1️⃣label: text }\n    output: { score: \"= 1.0\" }\n"),
            id: "definition.missingKey", message: "integration 'service' declares output 'label' but its 'output' does not compute it",
            integrations: false)
    }

    @Test func outputOfTheWrongType() {
        WorkflowFixture.expectOne(
            Self.http("    url: https://example.com/x\n    outputs: { score: number }\n    output: { score: \"= 1️⃣'high'\" }\n"),
            id: "expression.typeMismatch", message: "expected 'double' but found 'string' for output 'score', declared 'number'",
            integrations: false)
    }

    @Test func headerMustGiveText() {
        WorkflowFixture.expectOne(
            Self.http("    url: https://example.com/x\n    headers: { X-Count: \"= 1️⃣size(input)\" }\n"), id: "expression.typeMismatch",
            message: "expected 'string' but found 'int' for header 'X-Count'", integrations: false)
    }

    @Test func getHasNoBody() {
        WorkflowFixture.expectOne(
            Self.http("    url: https://example.com/x\n    method: GET\n    1️⃣body: { a: 1 }\n"), id: "definition.notApplicable",
            message: "a GET request has no body; use POST, or send the values in the url", integrations: false)
    }

    @Test func timeoutOutOfRange() {
        WorkflowFixture.expectOne(
            Self.http("    url: https://example.com/x\n    timeout: 1️⃣10m\n"), id: "definition.outOfRange",
            message: "'timeout' must be between 100ms and 5m, not 10m", integrations: false)
    }

    @Test(arguments: [
        "127.0.0.1", "127.1", "2130706433", "0x7f.0.0.1", "0177.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "0.0.0.0",
        "169.254.169.254", "100.64.0.1", "255.255.255.255", "[::1]", "[::]", "[fc00::1]", "[fd12:3456::1]", "[fe80::1]", "[::ffff:127.0.0.1]",
        "[::ffff:a9fe:a9fe]", "[64:ff9b::a00:1]", "[2002:c0a8:101::1]", "localhost", "LOCALHOST.", "api.localhost", "metadata.google.internal",
        "printer.local", "intranet", "%31%32%37.0.0.1",
    ])
    func refusedHosts(host: String) {
        let (loaded, _) = WorkflowFixture.load(Self.http("    url: \"http://\(host):8080/x\"\n"), integrations: false)
        #expect(loaded.diagnostics.map(\.id) == ["definition.privateAddress"], "\(host): \(loaded.diagnostics.map(\.message))")
    }

    @Test(arguments: ["example.com", "93.184.216.34", "172.32.0.1", "192.169.0.1", "[2606:4700::1111]", "8.8.8.8", "sentiment.example.com."])
    func allowedHosts(host: String) {
        let (loaded, _) = WorkflowFixture.load(Self.http("    url: \"https://\(host)/x\"\n"), integrations: false)
        #expect(loaded.diagnostics.isEmpty, "\(host): \(loaded.diagnostics.map(\.message))")
    }

    @Test func hostHoldingAHoleIsLeftForCallTime() {
        let (loaded, _) = WorkflowFixture.load(Self.http("    url: \"https://{{ env.HOST }}.example.com/x\"\n"), integrations: false)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
    }

    @Test func addressClassifierReadsResolvedAddresses() {
        #expect(OutboundAddress.refusal(forIPv4: [169, 254, 169, 254]) != nil)
        #expect(OutboundAddress.refusal(forIPv4: [93, 184, 216, 34]) == nil)
        #expect(OutboundAddress.refusal(forIPv6: [0xfe, 0x80] + Array(repeating: 0, count: 13) + [1]) == "a link-local address")
        #expect(OutboundAddress.refusal(forIPv6: [0x26, 0x06, 0x47] + Array(repeating: 0, count: 13)) == nil)
    }
}

/// Credentials belong in the environment: a header that carries one, written out, is warned about.
@Suite struct LiteralSecretTests {
    @Test func writtenOutAuthorizationHeader() {
        WorkflowFixture.expectOne(
            "integrations:\n  service:\n    kind: http\n    url: https://example.com/x\n    headers: { Authorization: 1️⃣Bearer abc123 }\n",
            id: "definition.literalSecret",
            message: "header 'Authorization' is written out, so its secret is stored in the app file; read it from the environment, "
                + "as in \"= 'Bearer ' + env.API_TOKEN\"",
            severity: .warning, integrations: false)
    }

    @Test func computedAuthorizationHeaderIsClean() {
        let (loaded, _) = WorkflowFixture.load(
            "integrations:\n  service:\n    kind: http\n    url: https://example.com/x\n"
                + "    headers: { Authorization: \"= 'Bearer ' + env.TOKEN\", Accept: application/json }\n",
            integrations: false)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
    }
}
