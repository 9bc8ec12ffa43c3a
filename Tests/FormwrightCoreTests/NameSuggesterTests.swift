import Testing

@testable import FormwrightCore

@Suite struct NameSuggesterTests {
    @Test(arguments: [
        ("requird", "required"), ("tpye", "type"), ("chanel", "channel"), ("Channel", "channel"), ("sentimnet", "sentiment"),
    ])
    func suggestsCloseNames(typo: String, expected: String) {
        let names = ["required", "type", "channel", "sentiment", "transcript"]
        #expect(NameSuggester.suggestion(for: typo, among: names) == expected)
    }

    @Test func staysQuietForDistantNames() {
        #expect(NameSuggester.suggestion(for: "xyz", among: ["required", "type"]) == nil)
        #expect(NameSuggester.hint(for: "zzzz", among: ["type"]) == "")
    }

    @Test func countsTranspositionsAsOneEdit() {
        #expect(NameSuggester.editDistance(Array("ab".unicodeScalars), Array("ba".unicodeScalars)) == 1)
        #expect(NameSuggester.editDistance(Array("".unicodeScalars), Array("abc".unicodeScalars)) == 3)
    }
}
