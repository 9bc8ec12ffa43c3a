import Testing

@testable import FormwrightCore

/// Random pattern text, mostly malformed: compiling must throw or succeed, never trap, and what compiles
/// must satisfy the identities that tie searching to whole matching.
@Suite struct RegexFuzzTests {
    /// SplitMix64: a small, deterministic generator.
    private struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Int(z % UInt64(bound))
        }
    }

    private static let pieces: [String] = [
        "(", ")", "[", "]", "{", "}", "*", "+", "?", "|", "^", "$", "\\", ".", "-", ",", ":", "<", ">", "=", "!", "#",
        "P", "p", "L", "u", "d", "w", "s", "b", "B", "A", "z", "Q", "E", "x", "0", "1", "2", "9", "a", "b", "c", "i", "m",
        "U", "n", "k", "é", "😀", "{2}", "{1,3}", "(?", "(?:", "(?i)", "[:alpha:]", "\\p{L}", "\\x{41}", "\\d", " ",
    ]

    private static let textPieces: [String] = ["a", "b", "c", "A", "1", " ", "\n", "é", "😀", "-", "_", "x", "{", ":"]

    @Test func randomPatternsNeverTrapAndKeepTheIdentities() {
        var generator = Generator(state: 7_340_033)
        var compiled = 0
        for _ in 0..<6_000 {
            let pattern = (0..<generator.next(14)).map { _ in Self.pieces[generator.next(Self.pieces.count)] }.joined()
            guard let regex = try? LinearRegex(pattern) else { continue }
            compiled += 1
            let quoted = pattern.contains("\\Q")
            let search = quoted ? nil : try? LinearRegex("(?s:.*)(?:" + pattern + ")(?s:.*)")
            let anchored = quoted ? nil : try? LinearRegex(#"\A(?:"# + pattern + #")\z"#)
            for _ in 0..<6 {
                let text = (0..<generator.next(8)).map { _ in Self.textPieces[generator.next(Self.textPieces.count)] }.joined()
                let answers = regex.answersOfEveryEngine(for: text)
                #expect(Set(answers.first).count == 1, "engines disagree on firstMatch: /\(pattern)/ on \(JSONText.quote(text))")
                #expect(Set(answers.whole).count == 1, "engines disagree on wholeMatch: /\(pattern)/ on \(JSONText.quote(text))")
                let first = regex.firstMatch(in: text)
                let whole = regex.wholeMatch(text)
                #expect(!whole || first, "whole but not first: /\(pattern)/ on \(JSONText.quote(text))")
                if let search {
                    #expect(search.wholeMatch(text) == first, "search identity: /\(pattern)/ on \(JSONText.quote(text))")
                }
                if let anchored {
                    #expect(anchored.firstMatch(in: text) == whole, "anchor identity: /\(pattern)/ on \(JSONText.quote(text))")
                }
            }
        }
        // The generator is tuned so that a fair share compiles; a change here means the test lost its teeth.
        #expect(compiled > 1_000)
    }
}
