/// A regular expression in a subset of RE2 syntax, matched in time linear in the text.
///
/// Patterns come from app definitions and from CEL's `matches`, so they are untrusted: the
/// engine never backtracks. A pattern compiles to a Thompson NFA, run as a Pike VM or, over a long
/// text, as a DFA built lazily for that call; both cost O(pattern size × text length) at most, for
/// every pattern and text — `(a+)+b` against thirty thousand `a`s takes a fraction of a millisecond,
/// not centuries. Parsing uses no recursion, and every malformed, unsupported or oversized pattern
/// is a thrown `RegexSyntaxError` with the scalar offset of the problem. A compiled regex is an
/// immutable value: share it freely between tasks.
///
/// ```swift
/// let code = try LinearRegex(#"^[A-Z]{2}-\d{4}$"#)
/// code.wholeMatch("AB-1234")        // true
/// code.firstMatch(in: "id AB-1234") // false: `^` anchors at the start of the text
/// ```
///
/// Matching works on Unicode scalars (code points), as RE2 and CEL do: `.` matches one scalar,
/// so `é` written as `e` + U+0301 is two.
///
/// ## Syntax
///
/// - Literals: any scalar but `\ . + * ? ( ) | [ ] { } ^ $`, which are escaped with `\`. Any ASCII
///   punctuation may be escaped. A `{` that does not start a valid count is a literal.
/// - Escapes: `\a \f \t \n \r \v`, `\x41` (two hex digits), `\x{10FFFF}` (1 or more hex digits),
///   and `\Q…\E` for literal text. `\u0041` is not accepted (write `\x{0041}`), nor are octal escapes.
/// - `.` matches any scalar except `\n`; under `(?s)` it matches `\n` too.
/// - Classes: `[abc]`, `[^a-z]`, ranges and escapes inside, a `]` first or `-` first or last is literal.
///   Perl classes `\d \D \w \W \s \S` are ASCII, as in RE2 (`\s` is `[\t\n\f\r ]`). POSIX classes inside
///   brackets, ASCII only: `[[:alnum:]]`, `alpha`, `ascii`, `blank`, `cntrl`, `digit`, `graph`, `lower`,
///   `print`, `punct`, `space`, `upper`, `word`, `xdigit`, and negated `[[:^alpha:]]`.
/// - Unicode classes by general category: `\pL`, `\p{L}`, `\p{Lu}`, `\PL`, `\p{^L}` for any one- or
///   two-letter category (`L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So
///   Z Zs Zl Zp C Cc Cf Co Cs Cn`) and `\p{Any}`. Scripts such as `\p{Han}` are not supported.
/// - Anchors: `^` and `$` (start and end of the text; of a line under `(?m)`), `\A`, `\z`, and the
///   ASCII word boundaries `\b`, `\B`.
/// - Groups: `(…)`, `(?:…)`, `(?P<name>…)`, `(?<name>…)` (names are ASCII letters, digits and `_`,
///   unique). Alternation `|`; empty alternatives are allowed.
/// - Repetition: `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` and the lazy forms `*?` … `{n,m}?` (which match
///   the same texts). Counts are at most 1000. Stacking operators (`a**`) is an error.
/// - Flags: `(?i)` case-insensitive, `(?m)` multi-line, `(?s)` dot matches newline, `(?U)` ungreedy;
///   combined and cleared as in `(?i-s)`; scoped as in `(?i:…)`. A flag group applies to the end of the
///   group that holds it. Case-insensitivity uses simple case mappings (one scalar to one scalar, so
///   `ß` does not match `SS`); under `(?i)`, `\p{Lu}`, `\p{Ll}` and `\p{Lt}` each match any cased letter.
///
/// Refused with an error: backreferences (`\1`, `\k`, `(?P=name)`), lookahead and lookbehind,
/// atomic groups, possessive quantifiers (`a*+`), conditionals, comments, scripts, `\C`, `\Z`, `\G`.
///
/// Limits: groups nest at most 1000 deep; a compiled program has at most 10,000 instructions
/// (`a{1000}` takes 1000; `(a{100}){100}` is "pattern too large").
public struct LinearRegex: Sendable {
    /// The pattern as given.
    public let pattern: String
    /// The compiled program (internal, so tests can check what compiling found).
    let program: RegexProgram

    /// Compiles `pattern`.
    ///
    /// - Throws: `RegexSyntaxError` for every malformed or unsupported pattern and for one over the size limits.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        var parser = RegexParser(pattern)
        let tree = try parser.parse()
        program = try RegexCompiler.compile(tree)
        self.pattern = pattern
    }

    /// Whether the pattern matches some part of `text` — RE2's and CEL's `matches`; anchor with `^…$` for all of it.
    public func firstMatch(in text: String) -> Bool {
        matches(text, whole: false)
    }

    /// Whether the pattern matches the whole of `text`, as a field's `pattern` option requires.
    public func wholeMatch(_ text: String) -> Bool {
        matches(text, whole: true)
    }

    /// Short texts, and long ones decided early (an anchored pattern failing in its first scalars), are matched
    /// by the Pike VM; the rest by a lazily built DFA, which pays for its setup only over a long text. If the DFA
    /// gives up, the Pike VM matches the whole text.
    private func matches(_ text: String, whole: Bool) -> Bool {
        let pike = RegexMatcher(program: program)
        guard text.utf8.count >= RegexDFA.minimumTextLength else { return pike.matches(text, whole: whole) }
        if let answer = pike.matches(text, whole: whole, scalarLimit: RegexDFA.pikePrefixLength) { return answer }
        var automaton = RegexDFA(program, anchored: whole || program.isAnchoredAtStart)
        return automaton.matches(text, whole: whole) ?? pike.matches(text, whole: whole)
    }
}
