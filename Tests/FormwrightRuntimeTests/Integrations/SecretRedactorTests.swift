import Testing

@testable import FormwrightRuntime

@Suite struct SecretRedactorTests {
    @Test func hidesEverySecretLongestFirst() {
        let redactor = SecretRedactor(secrets: ["abc", "abcdef", ""])
        #expect(redactor.redact("x=abcdef&y=abc&z=abc") == "x=[redacted]&y=[redacted]&z=[redacted]")
        #expect(redactor.redact("nothing here") == "nothing here")
    }

    @Test func aCallHidesSecretHeadersWholeAndSecretParts() {
        let call = IntegrationCall(
            url: "https://h.example/p?token=t0p-s3cret",
            headers: [
                IntegrationHeader(name: "X-Key", value: "key value 42", isSecret: true), IntegrationHeader(name: "Accept", value: "text/plain"),
            ],
            secretParts: ["t0p-s3cret"])
        #expect(call.redactedSummary == "GET https://h.example/p?token=[redacted]")
        #expect(call.redactor.redact("sent key value 42 and text/plain") == "sent [redacted] and text/plain")
        let failure = IntegrationFailure(.network, "echo t0p-s3cret / key value 42").about(call)
        #expect(failure.message == "calling GET https://h.example/p?token=[redacted]: echo [redacted] / [redacted]")
    }
}
