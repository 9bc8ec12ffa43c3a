import Testing

@testable import FormwrightCore

/// One row of the feature table: a pattern, a text, and the expected answers of both entry points.
struct RegexCase: Sendable, CustomTestStringConvertible {
    let pattern: String
    let text: String
    let firstMatch: Bool
    let wholeMatch: Bool

    init(_ pattern: String, _ text: String, _ firstMatch: Bool, _ wholeMatch: Bool) {
        self.pattern = pattern
        self.text = text
        self.firstMatch = firstMatch
        self.wholeMatch = wholeMatch
    }

    var testDescription: String { "/\(pattern)/ on \(JSONText.quote(text))" }
}

@Suite struct RegexMatchTests {
    static let literals: [RegexCase] = [
        RegexCase("abc", "abc", true, true), RegexCase("abc", "xabcx", true, false), RegexCase("abc", "ab", false, false),
        RegexCase("", "", true, true), RegexCase("", "abc", true, false), RegexCase("a.c", "abc", true, true),
        RegexCase("a.c", "a\nc", false, false), RegexCase("(?s)a.c", "a\nc", true, true), RegexCase(#"a\.c"#, "a.c", true, true),
        RegexCase(#"a\.c"#, "abc", false, false), RegexCase(#"\\"#, "\\", true, true), RegexCase(#"\n"#, "\n", true, true),
        RegexCase(#"\t\r\f\v\a"#, "\t\r\u{0C}\u{0B}\u{07}", true, true), RegexCase(#"\x41\x62"#, "Ab", true, true),
        RegexCase(#"\x{1F600}"#, "😀", true, true), RegexCase(#"\x{10FFFF}"#, "\u{10FFFF}", true, true),
        RegexCase(#"\x{41}+"#, "AAA", true, true), RegexCase(#"\Qa.b*c\E+"#, "a.b*cc", true, true),
        RegexCase(#"\Qa.b\E"#, "axb", false, false), RegexCase(#"x\Q(a)"#, "x(a)", true, true), RegexCase("a{", "a{", true, true),
        RegexCase("a{,2}", "a{,2}", true, true), RegexCase("a{x}", "a{x}", true, true), RegexCase(##"\-\_\ \/\#"##, "-_ /#", true, true),
        RegexCase(#"\{\}\[\]\(\)\|\^\$\*\+\?"#, "{}[]()|^$*+?", true, true), RegexCase("]", "]", true, true),
        RegexCase("}", "}", true, true),
    ]

    static let classes: [RegexCase] = [
        RegexCase("[abc]", "b", true, true), RegexCase("[abc]", "d", false, false), RegexCase("[^abc]", "d", true, true),
        RegexCase("[^abc]", "a", false, false), RegexCase("[^abc]", "\n", true, true), RegexCase("[a-z]+", "hello", true, true),
        RegexCase("[a-z]+", "Hello", true, false), RegexCase("[]a]", "]", true, true), RegexCase("[^]a]", "b", true, true),
        RegexCase("[^]a]", "]", false, false), RegexCase("[a-]", "-", true, true), RegexCase("[-a]", "-", true, true),
        RegexCase(#"[\d-z]+"#, "1-z", true, true), RegexCase(#"[\d]"#, "5", true, true), RegexCase(#"[\D]"#, "5", false, false),
        RegexCase(#"[\w-]+"#, "a_b-c9", true, true), RegexCase(#"[\x41-\x43]+"#, "ABC", true, true), RegexCase(#"[\x41-\x43]"#, "D", false, false),
        RegexCase(#"[\]]"#, "]", true, true), RegexCase(#"[\n]"#, "\n", true, true), RegexCase(#"[^\n]"#, "\n", false, false),
        RegexCase("[.]", "a", false, false), RegexCase("[.]", ".", true, true), RegexCase("[[]", "[", true, true),
        RegexCase("[a-c[:digit:]x]+", "b7x", true, true), RegexCase("[α-ω]+", "λόγος", true, false), RegexCase("[α-ω]+", "λογος", true, true),
        RegexCase(#"[^\x00-\x{10FFFF}]"#, "a", false, false), RegexCase(#"[\s\S]"#, "\n", true, true),
        RegexCase(#"\d+"#, "123", true, true), RegexCase(#"\d"#, "٣", false, false), RegexCase(#"\D"#, "a", true, true),
        RegexCase(#"\w+"#, "ab_9", true, true), RegexCase(#"\w"#, "é", false, false), RegexCase(#"\W"#, "!", true, true),
        RegexCase(#"\s"#, " ", true, true), RegexCase(#"\s"#, "\u{0B}", false, false), RegexCase(#"\s+"#, "\t\n\u{0C}\r ", true, true),
        RegexCase(#"\S"#, "x", true, true), RegexCase(#"\S"#, " ", false, false),
        RegexCase("[[:alpha:]]+", "abcXYZ", true, true), RegexCase("[[:alpha:]]", "é", false, false), RegexCase("[[:digit:]]", "7", true, true),
        RegexCase("[[:alnum:]]+", "a1Z", true, true), RegexCase("[[:space:]]", "\u{0B}", true, true), RegexCase("[[:upper:]]", "a", false, false),
        RegexCase("[[:lower:]]", "a", true, true), RegexCase("[[:punct:]]+", "!-@[`{~", true, true), RegexCase("[[:punct:]]", "a", false, false),
        RegexCase("[[:xdigit:]]+", "0fA9", true, true), RegexCase("[[:xdigit:]]", "g", false, false), RegexCase("[[:^alpha:]]", "1", true, true),
        RegexCase("[[:^alpha:]]", "a", false, false), RegexCase("[[:word:]]+", "a_1", true, true), RegexCase("[[:blank:]]", "\t", true, true),
        RegexCase("[[:cntrl:]]", "\u{7F}", true, true), RegexCase("[[:print:]]", " ", true, true), RegexCase("[[:graph:]]", " ", false, false),
        RegexCase("[[:ascii:]]", "\u{80}", false, false), RegexCase("[^[:digit:]]", "5", false, false),
    ]

    static let unicodeClasses: [RegexCase] = [
        RegexCase(#"\pL"#, "é", true, true), RegexCase(#"\p{L}+"#, "héllo中文", true, true), RegexCase(#"\p{Lu}"#, "É", true, true),
        RegexCase(#"\p{Lu}"#, "é", false, false), RegexCase(#"\p{Ll}"#, "é", true, true), RegexCase(#"\pN"#, "٣", true, true),
        RegexCase(#"\p{Nd}+"#, "٣4९", true, true), RegexCase(#"\p{Nd}"#, "Ⅳ", false, false), RegexCase(#"\p{Nl}"#, "Ⅳ", true, true),
        RegexCase(#"\p{P}"#, "«", true, true), RegexCase(#"\p{S}"#, "€", true, true), RegexCase(#"\p{Sc}"#, "$", true, true),
        RegexCase(#"\p{Z}"#, "\u{3000}", true, true), RegexCase(#"\p{Zs}"#, " ", true, true), RegexCase(#"\PL"#, "1", true, true),
        RegexCase(#"\PL"#, "a", false, false), RegexCase(#"\p{^L}"#, "1", true, true), RegexCase(#"\P{^L}"#, "a", true, true),
        RegexCase(#"[\p{Lu}\d]+"#, "AÉ1", true, true), RegexCase(#"[^\pL]"#, "a", false, false), RegexCase(#"[^\pL]"#, "1", true, true),
        RegexCase(#"[\PL]"#, "中", false, false), RegexCase(#"\p{Any}"#, "\u{10FFFF}", true, true), RegexCase(#"\p{M}"#, "\u{301}", true, true),
        RegexCase(#"\p{C}"#, "\u{200B}", true, true), RegexCase(#"\p{Lo}+"#, "中文", true, true),
    ]

    static let anchors: [RegexCase] = [
        RegexCase("^abc", "abcd", true, false), RegexCase("^abc", "xabc", false, false), RegexCase("abc$", "xabc", true, false),
        RegexCase("abc$", "abc\n", false, false), RegexCase("(?m)abc$", "abc\nx", true, false), RegexCase("(?m)^x", "abc\nx", true, false),
        RegexCase("^x", "abc\nx", false, false), RegexCase(#"\Aabc\z"#, "abc", true, true), RegexCase(#"(?m)\Ax"#, "a\nx", false, false),
        RegexCase(#"(?m)a\z"#, "a\n", false, false), RegexCase(#"\bcat\b"#, "a cat here", true, false),
        RegexCase(#"\bcat\b"#, "concatenate", false, false),
        RegexCase(#"\Bcat\B"#, "concatenate", true, false), RegexCase(#"\b"#, "", false, false), RegexCase(#"\B"#, "", true, true),
        RegexCase(#"\bé"#, "é", false, false), RegexCase("^$", "", true, true), RegexCase("^$", "a", false, false),
        RegexCase("(?m)^$", "a\n\nb", true, false), RegexCase("$a", "a", false, false), RegexCase("a^", "a", false, false),
        RegexCase("^*a", "a", true, true), RegexCase("(^a|b)", "cb", true, false), RegexCase("(^a|b)", "ca", false, false),
        RegexCase(#"^[A-Z]{2}-\d{4}$"#, "AB-1234", true, true), RegexCase(#"^[A-Z]{2}-\d{4}$"#, "id AB-1234", false, false),
    ]

    static let groupsAndAlternation: [RegexCase] = [
        RegexCase("(ab)+", "ababab", true, true), RegexCase("(?:ab)+c", "ababc", true, true), RegexCase("(?:ab)+c", "ac", false, false),
        RegexCase(#"(?P<year>\d{4})-(?P<month>\d{2})"#, "2024-05", true, true), RegexCase("(?<y>a)b", "ab", true, true),
        RegexCase("()", "", true, true), RegexCase("(a|)b", "b", true, true), RegexCase("((((a))))", "a", true, true),
        RegexCase("cat|dog", "hotdog", true, false), RegexCase("cat|dog", "dog", true, true), RegexCase("a|b|c", "c", true, true),
        RegexCase("|a", "", true, true), RegexCase("a|", "b", true, false), RegexCase("x(a|bc|)y", "xbcy", true, true),
        RegexCase("x(a|bc|)y", "xy", true, true), RegexCase("x(a|bc|)y", "xby", false, false), RegexCase("(a|ab)(c|bcd)(d*)", "abcd", true, true),
    ]

    static let repetition: [RegexCase] = [
        RegexCase("a*", "", true, true), RegexCase("a*", "aaa", true, true), RegexCase("a*", "b", true, false), RegexCase("a+", "", false, false),
        RegexCase("ab?c", "ac", true, true), RegexCase("ab?c", "abbc", false, false), RegexCase("a{3}", "aaa", true, true),
        RegexCase("a{3}", "aa", false, false), RegexCase("a{2,}", "aaaaa", true, true), RegexCase("a{2,}", "a", false, false),
        RegexCase("a{2,3}", "aaaa", true, false), RegexCase("^a{2,3}$", "aaaa", false, false), RegexCase("a{0}b", "b", true, true),
        RegexCase("a{0,0}", "", true, true), RegexCase("a{1,1}", "a", true, true), RegexCase("a{0,2}", "aa", true, true),
        RegexCase("a*?", "aaa", true, true), RegexCase("a+?b", "aab", true, true), RegexCase("a??b", "ab", true, true),
        RegexCase("a{2,3}?", "aaa", true, true), RegexCase("a{2,}?", "aaaa", true, true), RegexCase("(a*)*", "aaa", true, true),
        RegexCase("(a*)+b", "aab", true, true), RegexCase("(a*)*b", "aac", false, false), RegexCase("(a?){3}", "a", true, true),
        RegexCase("(ab|c){2,3}", "abcab", true, true), RegexCase("(ab|c){2,3}", "ab", false, false), RegexCase("(?:x{2}){3}", "xxxxxx", true, true),
        RegexCase("(?:x{2}){3}", "xxxxx", false, false), RegexCase(#"\d{3}-\d{4}"#, "call 555-1234 now", true, false),
    ]

    static let flags: [RegexCase] = [
        RegexCase("(?i)hello", "HeLLo", true, true), RegexCase("(?i)[a-c]+", "ABC", true, true), RegexCase("(?i:a)b", "Ab", true, true),
        RegexCase("(?i:a)b", "AB", false, false), RegexCase("a(?i)b", "aB", true, true), RegexCase("a(?i)b", "AB", false, false),
        RegexCase("(?i)k", "\u{212A}", true, true), RegexCase("(?i)\u{212A}", "k", true, true), RegexCase("(?i)σ", "Σ", true, true),
        RegexCase("(?i)ς", "σ", true, true), RegexCase("(?i)straße", "STRASSE", false, false), RegexCase("(?i)[^k]", "K", false, false),
        RegexCase(#"(?i)\W"#, "k", false, false), RegexCase(#"(?i)\W"#, "\u{212A}", false, false), RegexCase(#"(?i)\p{Lu}"#, "a", true, true),
        RegexCase("(?i-i)a", "A", false, false), RegexCase("(?m)^b$", "a\nb\nc", true, false), RegexCase("(?s).+", "a\nb", true, true),
        RegexCase("(?U)a+", "aaa", true, true), RegexCase("(?im)^ABC$", "x\nabc", true, false), RegexCase("((?i)a)b", "AB", false, false),
        RegexCase("((?i)a)b", "Ab", true, true), RegexCase("(?i)a|b", "B", true, true), RegexCase("(?i)É", "é", true, true),
        RegexCase("(?i)[[:upper:]]+", "aB", true, true), RegexCase("(?sm:.$)x", "a\nx", false, false), RegexCase("(?s:.)x", "\nx", true, true),
        RegexCase("(?i)ǆ", "ǅ", true, true), RegexCase("(?i)ǆ", "Ǆ", true, true),
    ]

    static let scalars: [RegexCase] = [
        RegexCase(".", "é", true, true), RegexCase(".", "e\u{301}", true, false), RegexCase("..", "e\u{301}", true, true),
        RegexCase("😀+", "😀😀", true, true), RegexCase("中文", "学习中文", true, false), RegexCase("^.{3}$", "日本語", true, true),
        RegexCase("^.{3}$", "🇫🇷", false, false), RegexCase("^..$", "🇫🇷", true, true),
    ]

    /// The `matches` cases of CEL's conformance suite (`string/matches/*`), as `firstMatch`.
    static let celMatches: [RegexCase] = [
        RegexCase("ubb", "hubba", true, false), RegexCase("foo|bar", "", false, false), RegexCase("", "cows", true, false),
        RegexCase("", "", true, true), RegexCase("bc", "abcd", true, false), RegexCase("gr(a|e)y", "grey", true, true),
        RegexCase("ba(na)*", "banana", true, true), RegexCase("a+ñ+a+", "mañana", true, false), RegexCase("(a|😀){2}", "🐱😀😀", true, false),
        RegexCase("hello", "hello world", true, false),
    ]

    static let all: [RegexCase] =
        literals + classes + unicodeClasses + anchors + groupsAndAlternation + repetition + flags + scalars + celMatches

    @Test(arguments: all)
    func matchesAsExpected(_ testCase: RegexCase) throws {
        let regex = try LinearRegex(testCase.pattern)
        #expect(regex.pattern == testCase.pattern)
        let answers = regex.answersOfEveryEngine(for: testCase.text)
        #expect(answers.first.allSatisfy { $0 == testCase.firstMatch }, "firstMatch: \(answers.first)")
        #expect(answers.whole.allSatisfy { $0 == testCase.wholeMatch }, "wholeMatch: \(answers.whole)")
        // The DFA must not give up (answer nil) on cases this small.
        var search = RegexDFA(regex.program, anchored: regex.program.isAnchoredAtStart)
        var whole = RegexDFA(regex.program, anchored: true)
        #expect(search.matches(testCase.text, whole: false) == testCase.firstMatch, "DFA firstMatch")
        #expect(whole.matches(testCase.text, whole: true) == testCase.wholeMatch, "DFA wholeMatch")
    }

    @Test(arguments: all)
    func matchesTheSameInsideLongTexts(_ testCase: RegexCase) throws {
        // Long texts take the DFA path of the public calls: pad the text with scalars the
        // pattern is unlikely to care about, and compare the two engines rather than a fixed answer.
        let regex = try LinearRegex(testCase.pattern)
        for text in [String(repeating: "~", count: 300) + testCase.text, testCase.text + String(repeating: "~ \n", count: 100)] {
            let answers = regex.answersOfEveryEngine(for: text)
            #expect(Set(answers.first).count == 1, "firstMatch disagrees: \(answers.first)")
            #expect(Set(answers.whole).count == 1, "wholeMatch disagrees: \(answers.whole)")
        }
    }

    @Test func reusesOneCompiledPatternAcrossTexts() throws {
        let regex = try LinearRegex(#"\b[a-z]+@[a-z]+\.(com|org)\b"#)
        #expect(regex.firstMatch(in: "write to ada@example.org today"))
        #expect(!regex.firstMatch(in: "write to ada@example.net today"))
        #expect(regex.wholeMatch("ada@example.com"))
        #expect(!regex.wholeMatch(" ada@example.com"))
    }
}
