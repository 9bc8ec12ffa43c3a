import FormwrightCore
import Testing

@testable import FormwrightRuntime

@Suite struct IntegrationResponseTests {
    @Test func parsesJSONBodiesKeepingNumberKindsApart() throws {
        let response = try IntegrationResponse(
            status: 200, headerFields: [("Content-Type", "application/json; charset=utf-8")],
            bodyBytes: Array(#"{"score": 0.5, "count": 2, "ok": true}"#.utf8))
        #expect(response.body == .map(ValueMap([(.string("score"), .double(0.5)), (.string("count"), .int(2)), (.string("ok"), .bool(true))])))
        #expect(response.headers == ["content-type": "application/json; charset=utf-8"])
    }

    @Test func readsOtherBodiesAsText() throws {
        let text = try IntegrationResponse(status: 200, headerFields: [("Content-Type", "text/plain")], bodyBytes: Array("{\"a\":1}".utf8))
        #expect(text.body == .string("{\"a\":1}"))
        let unlabelled = try IntegrationResponse(status: 200, headerFields: [], bodyBytes: Array("héllo".utf8))
        #expect(unlabelled.body == .string("héllo"))
        let invalidUTF8 = try IntegrationResponse(status: 200, headerFields: [], bodyBytes: [0x61, 0xFF, 0x62])
        #expect(invalidUTF8.body == .string("a\u{FFFD}b"))
        let empty = try IntegrationResponse(status: 204, headerFields: [("Content-Type", "application/json")], bodyBytes: [])
        #expect(empty.body == .null)
    }

    @Test(arguments: ["application/json", "Application/JSON", "application/problem+json", " application/json ;charset=utf-8"])
    func recognisesJSONTypes(contentType: String) {
        #expect(IntegrationResponse.isJSON(contentType: contentType))
    }

    @Test(arguments: ["text/json", "application/jsonx", "text/plain", "", "application/json-seq"])
    func leavesOtherTypesAlone(contentType: String) {
        #expect(!IntegrationResponse.isJSON(contentType: contentType))
    }

    @Test func refusesABodyLabelledJSONThatIsNot() {
        #expect {
            _ = try IntegrationResponse(status: 200, headerFields: [("content-type", "application/json")], bodyBytes: Array("{oops".utf8))
        } throws: { error in
            (error as? IntegrationFailure)?.reason == .invalidResponse && (error as? IntegrationFailure)?.isRetryable == false
        }
    }

    @Test func joinsRepeatedHeadersAndShowsTheResponseAsAValue() throws {
        let response = try IntegrationResponse(status: 200, headerFields: [("X-A", "1"), ("x-a", "2"), ("B", "3")], bodyBytes: Array("hi".utf8))
        #expect(response.headers == ["x-a": "1, 2", "b": "3"])
        let expected = Value.map(
            ValueMap([
                (.string("status"), .int(200)),
                (.string("headers"), .map(ValueMap([(.string("b"), .string("3")), (.string("x-a"), .string("1, 2"))]))),
                (.string("body"), .string("hi")),
            ]))
        #expect(response.value == expected)
    }
}
