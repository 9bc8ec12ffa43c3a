import FormwrightCore
import Testing

@Suite struct TestJSONTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try TestJSON.parse(#" {"a": [1, -2.5, 1e2, true, false, null], "b": {}, "c": [], "d": "x\"\\\/\n\u00e9\ud83d\ude00"} "#)
        let expected: Value = .object([
            "a": .list([.int(1), .double(-2.5), .double(100), .bool(true), .bool(false), .null]),
            "b": .object([:]),
            "c": .list([]),
            "d": .string("x\"\\/\né😀"),
        ])
        #expect(value == expected)
    }

    @Test func keepsKeyOrder() throws {
        guard case .map(let map) = try TestJSON.parse(#"{"z": 1, "a": 2, "m": 3}"#) else {
            Issue.record("expected an object")
            return
        }
        #expect(map.keys == [.string("z"), .string("a"), .string("m")])
    }

    @Test func readsLargeIntegersAsDoubles() throws {
        #expect(try TestJSON.parse("9223372036854775807") == .int(Int64.max))
        #expect(try TestJSON.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "{\"a\": 1,}", "01", "1.", "-", "tru", "\"abc", "\"\\x\"", "\"\\ud800\"", "[1] 2",
        "{\"a\": 1, \"a\": 2}", "{a: 1}", "\"tab\there\"", "1e", "nan",
    ])
    func refusesMalformedText(text: String) {
        #expect(throws: TestJSON.ParseError.self) { try TestJSON.parse(text) }
    }

    @Test func reportsWhereARepeatedKeyStarts() {
        #expect(throws: TestJSON.ParseError(offset: 9, message: "repeated key 'a'")) { try TestJSON.parse(#"{"a": 1, "a": 2}"#) }
    }

    @Test func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: TestJSON.ParseError.self) { try TestJSON.parse(deep) }
        let shallow = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try TestJSON.parse(shallow) }
    }
}
