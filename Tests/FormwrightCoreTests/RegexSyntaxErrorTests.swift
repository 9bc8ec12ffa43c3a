import Testing

@testable import FormwrightCore

/// A pattern that must not compile, the scalar offset the error must point at, and a word its message must hold.
struct RegexErrorCase: Sendable, CustomTestStringConvertible {
    let pattern: String
    let offset: Int
    let messageFragment: String

    init(_ pattern: String, _ offset: Int, _ messageFragment: String) {
        self.pattern = pattern
        self.offset = offset
        self.messageFragment = messageFragment
    }

    var testDescription: String { "/\(pattern)/" }
}

@Suite struct RegexSyntaxErrorTests {
    static let cases: [RegexErrorCase] = [
        RegexErrorCase("(abc", 0, "missing closing ')'"), RegexErrorCase("a(b(c)", 1, "missing closing ')'"),
        RegexErrorCase("abc)", 3, "unexpected ')'"), RegexErrorCase("(a))", 3, "unexpected ')'"),
        RegexErrorCase("[abc", 0, "missing closing ']'"), RegexErrorCase("a[]", 1, "missing closing ']'"),
        RegexErrorCase("[^]", 0, "missing closing ']'"), RegexErrorCase(#"[a\]"#, 0, "missing closing ']'"),
        RegexErrorCase("*a", 0, "missing argument to repetition operator '*'"), RegexErrorCase("a|*", 2, "missing argument"),
        RegexErrorCase("(*)", 1, "missing argument"), RegexErrorCase("{2}", 0, "missing argument to repetition operator '{2}'"),
        RegexErrorCase("a**", 2, "invalid nested repetition operator '**'"), RegexErrorCase("a*?+", 3, "invalid nested repetition operator '*?+'"),
        RegexErrorCase("a{2}{3}", 4, "invalid nested repetition operator"), RegexErrorCase("a??*", 3, "invalid nested repetition operator"),
        RegexErrorCase("a++", 1, "unsupported feature: possessive quantifier '++'"), RegexErrorCase("a*+", 1, "possessive quantifier '*+'"),
        RegexErrorCase("a{2}+", 1, "possessive quantifier '{2}+'"), RegexErrorCase("a{1001}", 1, "repetition count too large"),
        RegexErrorCase("a{2,1001}", 1, "repetition count too large"), RegexErrorCase("a{1001,}", 1, "repetition count too large"),
        RegexErrorCase("a{99999999999999999999999}", 1, "repetition count too large"),
        RegexErrorCase("a{3,2}", 1, "invalid repetition count '{3,2}'"),
        RegexErrorCase(#"\1"#, 0, #"unsupported feature: backreference '\1'"#), RegexErrorCase(#"(a)\1"#, 3, "backreference"),
        RegexErrorCase("(?P<n>a)(?P=n)", 8, "unsupported feature: backreference '(?P='"), RegexErrorCase(#"\k<a>"#, 0, "backreference"),
        RegexErrorCase("(?=a)", 0, "unsupported feature: lookahead '(?='"), RegexErrorCase("(?!a)", 0, "negative lookahead"),
        RegexErrorCase("x(?<=a)", 1, "unsupported feature: lookbehind '(?<='"), RegexErrorCase("(?<!a)", 0, "negative lookbehind"),
        RegexErrorCase("(?>a)", 0, "atomic group"), RegexErrorCase("(?#note)", 0, "comment group"), RegexErrorCase("(?P>n)", 0, "recursion"),
        RegexErrorCase("(?x)a", 2, "unknown or unsupported flag 'x'"), RegexErrorCase("(?im-z)", 5, "flag 'z'"),
        RegexErrorCase("(?)", 2, "invalid flag group '(?)'"), RegexErrorCase("(?i-)", 4, "invalid flag group"),
        RegexErrorCase("(?-)", 3, "invalid flag group"), RegexErrorCase("(?i-m-s)", 5, "invalid flag group"),
        RegexErrorCase("(?i", 0, "missing closing ')'"), RegexErrorCase("(?Pa)", 0, "invalid group '(?Pa'"),
        RegexErrorCase("(?P<1-x>a)", 4, "invalid group name '1-x'"), RegexErrorCase("(?<>a)", 3, "invalid group name ''"),
        RegexErrorCase("(?P<n>a)(?<n>b)", 11, "duplicate group name 'n'"), RegexErrorCase("(?<n", 0, "missing closing '>'"),
        RegexErrorCase("(?P<名>a)", 4, "invalid group name '名'"), RegexErrorCase("\\", 0, "trailing backslash"),
        RegexErrorCase("ab\\", 2, "trailing backslash"), RegexErrorCase(#"[a\"#, 2, "trailing backslash"),
        RegexErrorCase(#"\q"#, 0, #"invalid escape sequence '\q'"#), RegexErrorCase(#"\u0041"#, 0, #"invalid escape sequence '\u'"#),
        RegexErrorCase(#"\é"#, 0, "invalid escape sequence"), RegexErrorCase(#"\x4"#, 0, #"invalid hexadecimal escape '\x4'"#),
        RegexErrorCase(#"\xZZ"#, 0, "invalid hexadecimal escape"), RegexErrorCase(#"\x{}"#, 0, "invalid hexadecimal escape"),
        RegexErrorCase(#"\x{12"#, 0, "invalid hexadecimal escape"), RegexErrorCase(#"\x{110000}"#, 0, #"invalid code point '\x{110000}'"#),
        RegexErrorCase(#"\x{D800}"#, 0, "invalid code point"), RegexErrorCase(#"\x{FFFFFFFFFFFFFFFFFFFF}"#, 0, "invalid code point"),
        RegexErrorCase("[z-a]", 1, "invalid character class range 'z-a'"), RegexErrorCase(#"[a-\d]"#, 1, "invalid character class range"),
        RegexErrorCase(#"[\x{20}-\x{10}]"#, 1, "invalid character class range"), RegexErrorCase("[[:foo:]]", 1, "unknown posix class '[:foo:]'"),
        RegexErrorCase(#"\p{Han}"#, 0, "unsupported unicode class 'Han'"), RegexErrorCase(#"\pX"#, 0, "unsupported unicode class 'X'"),
        RegexErrorCase(#"\p{L"#, 0, "missing closing '}'"), RegexErrorCase(#"\p"#, 0, "missing unicode class name"),
        RegexErrorCase(#"\0"#, 0, "octal escape"), RegexErrorCase(#"\C"#, 0, "invalid escape sequence"), RegexErrorCase(#"\Z"#, 0, "invalid escape"),
        RegexErrorCase(#"[\b]"#, 1, "invalid escape sequence"), RegexErrorCase("é(", 1, "missing closing ')'"),
        RegexErrorCase("日本[", 2, "missing closing ']'"), RegexErrorCase(#"😀\1"#, 1, "backreference"),
        RegexErrorCase("e\u{301})", 2, "unexpected ')'"),
    ]

    @Test(arguments: cases)
    func reportsErrorAtOffset(_ testCase: RegexErrorCase) {
        #expect {
            _ = try LinearRegex(testCase.pattern)
        } throws: { error in
            guard let error = error as? RegexSyntaxError else { return false }
            return error.offset == testCase.offset && error.message.contains(testCase.messageFragment)
        }
    }

    @Test func throwsTypedErrorWithReadableDescription() {
        do {
            _ = try LinearRegex("ab(c")
            Issue.record("compiled a pattern with an unclosed group")
        } catch {
            #expect(error == RegexSyntaxError(message: "missing closing ')'", offset: 2))
            #expect(error.description == "missing closing ')' at offset 2")
        }
    }

    @Test func messagesAreLowerCaseWithoutTrailingPeriod() {
        for testCase in Self.cases {
            do {
                _ = try LinearRegex(testCase.pattern)
            } catch {
                #expect(error.message.first?.isUppercase == false, "\(error.message)")
                #expect(!error.message.hasSuffix("."), "\(error.message)")
            }
        }
    }

    @Test func acceptsLimitsExactly() throws {
        _ = try LinearRegex("a{1000}")
        _ = try LinearRegex("a{0,1000}")
        _ = try LinearRegex(String(repeating: "(", count: 1000) + "a" + String(repeating: ")", count: 1000))
        let largest = String(repeating: "a{1000}", count: 9) + "a{999}"  // 9,999 instructions and `match`
        #expect(try LinearRegex(largest).program.instructions.count == RegexCompiler.maximumInstructions)
        #expect(throws: RegexSyntaxError(message: "pattern too large", offset: 69)) { try LinearRegex(largest + "b") }
    }
}
