import Testing

@testable import FormwrightCore

/// Patterns and texts chosen to make backtracking engines, naive compilers or recursive parsers blow up.
@Suite struct RegexHostileInputTests {
    /// A generous bound: the machine is shared and tests run unoptimised.
    static let bound = Duration.seconds(2)

    /// Runs `body`, expects it to finish within `bound`, and returns its result.
    private func timed<Result>(_ label: String, _ body: () throws -> Result) rethrows -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        let elapsed = clock.now - start
        #expect(elapsed < Self.bound, "\(label) took \(elapsed)")
        return result
    }

    @Test(arguments: ["(a+)+b", "(a|a)*b", "(a*)*b", "(a|aa)+b", "(.*a){8}b", "(?:a+){1,20}b"])
    func catastrophicBacktrackingPatternsRunLinearly(pattern: String) throws {
        let regex = try LinearRegex(pattern)
        let text = String(repeating: "a", count: 30_000)
        #expect(!timed("\(pattern) firstMatch") { regex.firstMatch(in: text) })
        #expect(!timed("\(pattern) wholeMatch") { regex.wholeMatch(text) })
        #expect(timed("\(pattern) with b") { regex.firstMatch(in: text + "b") })
    }

    @Test func nestedPlusAgainstLongRun() throws {
        let regex = try LinearRegex("(x+x+)+y")
        let text = String(repeating: "x", count: 30_000)
        #expect(!timed("(x+x+)+y") { regex.firstMatch(in: text) })
        #expect(timed("(x+x+)+y matching") { regex.wholeMatch(text + "y") })
    }

    @Test func russCoxExampleWithHundredsOfOptionals() throws {
        // A backtracking engine needs about 2^count steps; here it is count × program size.
        let count = 500
        let regex = try LinearRegex("^(?:a?){\(count)}a{\(count)}$")
        let text = String(repeating: "a", count: count)
        #expect(timed("a?^n a^n") { regex.firstMatch(in: text) })
        #expect(!timed("a?^n a^n, one short") { regex.firstMatch(in: String(text.dropLast(count / 2 + 1))) })
    }

    @Test func longTextsAreScannedOnce() throws {
        let words = String(repeating: "lorem ipsum dolor sit amet ", count: 4_000)
        #expect(words.unicodeScalars.count > 100_000)
        let email = try LinearRegex(#"\b[\w.]+@[\w.]+\.[a-z]{2,}\b"#)
        #expect(!timed("email scan") { email.firstMatch(in: words) })
        #expect(timed("email at end") { email.firstMatch(in: words + "x@y.org") })
        let anyWord = try LinearRegex(#"(?i)(\w+\s?)*$"#)
        #expect(timed("word loop") { anyWord.firstMatch(in: words) })
        let unicode = try LinearRegex(#"\p{Lu}\p{Ll}+\d"#)
        #expect(!timed("unicode scan") { unicode.firstMatch(in: String(repeating: "Éé ", count: 40_000)) })
    }

    @Test(arguments: ["(", "(?:", "(?i:", "(?P<n>"])
    func deepNestingIsAnErrorNotACrash(opener: String) {
        let depth = 100_000
        // Only the outermost group may carry the name: names must be unique.
        let pattern = opener + String(repeating: "(", count: depth - 1) + "a" + String(repeating: ")", count: depth)
        #expect {
            try timed("nesting \(opener)") { _ = try LinearRegex(pattern) }
        } throws: { error in
            (error as? RegexSyntaxError)?.message.contains("nested too deeply") == true
        }
    }

    @Test func unbalancedParenthesesAtDepthAreErrors() {
        let depth = 100_000
        let unclosed = String(repeating: "(", count: depth)
        #expect(throws: RegexSyntaxError.self) { try LinearRegex(unclosed) }
        let unopened = String(repeating: ")", count: depth)
        #expect(throws: RegexSyntaxError(message: "unexpected ')'", offset: 0)) { try LinearRegex(unopened) }
    }

    @Test(arguments: [
        "((a{1000}){1000}){1000}", "(a{100}){100}", "(?:(?:(?:a{10}){10}){10}){10}",
        "[a-z]{1000}[0-9]{1000}(?:x|y){1000}(?:ab){1000}z{1000}z{1000}z{1000}z{1000}",
        "(a|b|c|d|e|f|g|h|i|j){1000}", "(?i)(?:\\pL\\d){1000}(?:\\pL\\d){1000}(?:\\pL\\d){1000}(?:\\pL\\d){1000}(?:\\pL\\d){1000}",
    ])
    func hugeProgramsAreRefusedQuickly(pattern: String) {
        #expect {
            try timed("compile") { _ = try LinearRegex(pattern) }
        } throws: { error in
            (error as? RegexSyntaxError)?.message == "pattern too large"
        }
    }

    @Test func longLiteralPatternsAreRefusedQuickly() {
        let pattern = String(repeating: "ab", count: 100_000)
        #expect(throws: RegexSyntaxError.self) { try timed("long literal") { _ = try LinearRegex(pattern) } }
        let alternatives = Array(repeating: "abc", count: 50_000).joined(separator: "|")
        #expect(throws: RegexSyntaxError.self) { try timed("many alternatives") { _ = try LinearRegex(alternatives) } }
    }

    @Test(arguments: [
        String(repeating: "a*", count: 40_000), String(repeating: "()", count: 100_000), String(repeating: "|", count: 200_000),
        #"\Q"# + String(repeating: "x", count: 200_000), String(repeating: "(?:)*", count: 50_000), String(repeating: "a|", count: 100_000),
    ])
    func longPatternsAreRefusedInLinearTime(pattern: String) {
        #expect {
            try timed("compile \(pattern.prefix(8))…") { _ = try LinearRegex(pattern) }
        } throws: { error in
            (error as? RegexSyntaxError)?.message == "pattern too large"
        }
    }

    @Test func largeProgramsCompileAndMatchInTime() throws {
        // 3 × 1000 × 3 instructions, just under the limit.
        let regex = try timed("compile") { try LinearRegex("(?:(?:[a-c]x?){1000}){3}") }
        let text = String(repeating: "abc", count: 1_000)
        #expect(timed("whole") { regex.wholeMatch(text) })
        #expect(!timed("whole, one short") { regex.wholeMatch(String(text.dropLast())) })
        #expect(!timed("search in a short text") { regex.firstMatch(in: "!" + text.prefix(100) + "!") })
    }

    @Test func manyFlagGroupsAndQuotesAreCheap() throws {
        let flags = String(repeating: "(?i)", count: 100_000) + "a"
        #expect(try timed("flags") { try LinearRegex(flags) }.wholeMatch("A"))
        let stacked = "a" + String(repeating: "*", count: 100_000)
        #expect(throws: RegexSyntaxError.self) { try LinearRegex(stacked) }
    }
}
