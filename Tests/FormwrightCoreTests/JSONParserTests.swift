import Testing

@testable import FormwrightCore

@Suite struct JSONParserTests {
    @Test func keepsNumberKindsApart() throws {
        #expect(try JSONParser.parse("1") == .int(1))
        #expect(try JSONParser.parse("1.0") == .double(1))
        #expect(try JSONParser.parse("-0.0") == .double(-0.0))
        #expect(try JSONParser.parse("1e2") == .double(100))
        #expect(try JSONParser.parse("18446744073709551615") == .uint(.max))
        #expect(try JSONParser.parse("-9223372036854775808") == .int(.min))
        #expect(try JSONParser.parse("true") == .bool(true))
        #expect(try JSONParser.parse(" null ") == .null)
    }

    @Test func parsesStructures() throws {
        let value = try JSONParser.parse(#"{"a": [1, "x\u00e9\ud83d\udc31\n"], "b": {}}"#)
        #expect(value == .map(ValueMap([(.string("a"), .list([.int(1), .string("xé🐱\n")])), (.string("b"), .map(ValueMap()))])))
        guard case .map(let map) = value else { return }
        #expect(map.keys == [.string("a"), .string("b")])
    }

    @Test(arguments: ["", "{", "[1,]", "01", "1.", "\"\\x\"", "{\"a\":1,\"a\":2}", "tru", "\"\u{01}\"", "[1] 2", "\"\\ud800\"", "1e999"])
    func refusesMalformedDocuments(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }

    @Test func boundsDepthAndSize() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("[1, 2, 3]", limits: JSONParser.Limits(maxBytes: 4)) }
        #expect(try JSONParser.parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) != .null)
    }
}
