/// Every message a pattern can fail with, in one alphabetized place.
///
/// Excerpts of the pattern are quoted in single quotes; messages are lower case without a final period.
extension RegexSyntaxError {
    static func duplicateGroupName(_ name: String, at offset: Int) -> Self {
        Self(message: "duplicate group name '\(name)'", offset: offset)
    }

    static func invalidCharacterClassRange(_ range: String, at offset: Int) -> Self {
        Self(message: "invalid character class range '\(range)'", offset: offset)
    }

    static func invalidCodePoint(_ escape: String, at offset: Int) -> Self {
        Self(message: "invalid code point '\(escape)'", offset: offset)
    }

    static func invalidEscape(_ escape: String, at offset: Int) -> Self {
        Self(message: "invalid escape sequence '\(escape)'", offset: offset)
    }

    static func invalidFlagGroup(_ group: String, at offset: Int) -> Self {
        Self(message: "invalid flag group '\(group)'", offset: offset)
    }

    static func invalidGroup(_ group: String, at offset: Int) -> Self {
        Self(message: "invalid group '\(group)'", offset: offset)
    }

    static func invalidGroupName(_ name: String, at offset: Int) -> Self {
        Self(message: "invalid group name '\(name)'", offset: offset)
    }

    static func invalidHexadecimalEscape(_ escape: String, at offset: Int) -> Self {
        Self(message: "invalid hexadecimal escape '\(escape)'", offset: offset)
    }

    static func invalidRepetitionCount(_ count: String, at offset: Int) -> Self {
        Self(message: "invalid repetition count '\(count)'", offset: offset)
    }

    /// `\u0041` and `\U…`, which RE2 does not accept either.
    static func invalidUnicodeEscape(_ escape: String, at offset: Int) -> Self {
        Self(message: "invalid escape sequence '\(escape)'; write '\\x{…}' for a code point", offset: offset)
    }

    static func missingClosingBrace(at offset: Int) -> Self {
        Self(message: "missing closing '}' in unicode class", offset: offset)
    }

    static func missingClosingBracket(at offset: Int) -> Self {
        Self(message: "missing closing ']'", offset: offset)
    }

    static func missingClosingParenthesis(at offset: Int) -> Self {
        Self(message: "missing closing ')'", offset: offset)
    }

    static func missingGroupNameEnd(at offset: Int) -> Self {
        Self(message: "missing closing '>' after group name", offset: offset)
    }

    static func missingRepetitionArgument(_ repetition: String, at offset: Int) -> Self {
        Self(message: "missing argument to repetition operator '\(repetition)'", offset: offset)
    }

    static func missingUnicodeClassName(_ escape: String, at offset: Int) -> Self {
        Self(message: "missing unicode class name after '\(escape)'", offset: offset)
    }

    static func nestedRepetition(_ operators: String, at offset: Int) -> Self {
        Self(message: "invalid nested repetition operator '\(operators)'", offset: offset)
    }

    static func nestingTooDeep(limit: Int, at offset: Int) -> Self {
        Self(message: "groups nested too deeply (the limit is \(limit))", offset: offset)
    }

    static func patternTooLarge(at offset: Int) -> Self {
        Self(message: "pattern too large", offset: offset)
    }

    static func repetitionCountTooLarge(at offset: Int) -> Self {
        Self(message: "repetition count too large", offset: offset)
    }

    static func trailingBackslash(at offset: Int) -> Self {
        Self(message: "trailing backslash at end of pattern", offset: offset)
    }

    static func unexpectedClosingParenthesis(at offset: Int) -> Self {
        Self(message: "unexpected ')'", offset: offset)
    }

    static func unknownFlag(_ flag: String, inGroup group: String, at offset: Int) -> Self {
        Self(message: "unknown or unsupported flag '\(flag)' in group '\(group)'", offset: offset)
    }

    static func unknownPOSIXClass(_ name: String, at offset: Int) -> Self {
        Self(message: "unknown posix class '\(name)'", offset: offset)
    }

    /// A feature RE2 syntax has but this engine refuses, such as `backreference` for `\1`.
    static func unsupported(_ feature: String, _ excerpt: String, at offset: Int) -> Self {
        Self(message: "unsupported feature: \(feature) '\(excerpt)'", offset: offset)
    }

    static func unsupportedOctalEscape(at offset: Int) -> Self {
        Self(message: "unsupported feature: octal escape '\\0'; write '\\x00'", offset: offset)
    }

    static func unsupportedUnicodeClass(_ name: String, at offset: Int) -> Self {
        Self(
            message: "unsupported unicode class '\(name)'; only general categories such as 'L', 'Lu' or 'Nd', and 'Any', are supported",
            offset: offset)
    }
}
