import Foundation
import Testing

@testable import FormwrightCore

/// Compares `LinearRegex` with Foundation's backtracking engine on small random patterns and texts.
///
/// The patterns use only constructs on which RE2 and ICU agree for texts without newlines, and the
/// texts are short, so the backtracking side stays fast. A fixed seed keeps the test reproducible.
@Suite struct RegexDifferentialTests {
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

        mutating func pick(_ choices: [String]) -> String { choices[next(choices.count)] }
    }

    /// A random pattern, and whether it can match the empty string.
    ///
    /// Only subpatterns that cannot match empty are quantified: ICU mishandles loops whose body can
    /// (it reports no match for `\A(?:((?:\b)*?|(.)+))\z` on `1c`), and RE2 semantics are what we test.
    private static func pattern(_ generator: inout Generator, depth: Int) -> (text: String, nullable: Bool) {
        let atoms = ["a", "b", "c", ".", "[ab]", "[^a]", "[a-b]", #"\w"#, #"\d"#, "(?i:A)", "[[:alpha:]]"]
        let assertions = ["^", "$", #"\b"#, #"\B"#]
        switch depth <= 0 ? generator.next(2) : generator.next(7) {
        case 0:
            return (generator.pick(atoms), false)
        case 1:
            return (generator.pick(assertions), true)
        case 2, 3:
            let (first, second) = (pattern(&generator, depth: depth - 1), pattern(&generator, depth: depth - 1))
            return (first.text + second.text, first.nullable && second.nullable)
        case 4:
            let (first, second) = (pattern(&generator, depth: depth - 1), pattern(&generator, depth: depth - 1))
            return ("(" + first.text + "|" + second.text + ")", first.nullable || second.nullable)
        case 5:
            let body = pattern(&generator, depth: depth - 1)
            guard !body.nullable else { return ("(" + body.text + ")", true) }
            let quantifier = generator.pick(["*", "+", "?", "{2}", "{1,2}", "{0,}", "*?", "+?", "{0,2}?"])
            let nullable = ["*", "?", "{0,}", "*?", "{0,2}?"].contains(quantifier)
            return ("(?:" + body.text + ")" + quantifier, nullable)
        default:
            let inner = pattern(&generator, depth: depth - 1)
            return ("(" + inner.text + ")", inner.nullable)
        }
    }

    @Test func agreesWithBacktrackingEngineOnRandomPatterns() throws {
        var generator = Generator(state: 20_260_411)
        var compared = 0
        for _ in 0..<400 {
            let pattern = Self.pattern(&generator, depth: 4).text
            let regex = try LinearRegex(pattern)
            let search = try NSRegularExpression(pattern: pattern)
            let whole = try NSRegularExpression(pattern: #"\A(?:"# + pattern + #")\z"#)
            for _ in 0..<8 {
                let length = generator.next(7)
                let text = String((0..<length).map { _ in Character(generator.pick(["a", "b", "c", "A", "1", " "])) })
                let range = NSRange(text.startIndex..., in: text)
                let expectedSearch = search.firstMatch(in: text, range: range) != nil
                let expectedWhole = whole.firstMatch(in: text, range: range) != nil
                let answers = regex.answersOfEveryEngine(for: text)
                #expect(answers.first.allSatisfy { $0 == expectedSearch }, "firstMatch /\(pattern)/ on '\(text)': \(answers.first)")
                #expect(answers.whole.allSatisfy { $0 == expectedWhole }, "wholeMatch /\(pattern)/ on '\(text)': \(answers.whole)")
                compared += 1
            }
        }
        #expect(compared == 3_200)
    }
}
