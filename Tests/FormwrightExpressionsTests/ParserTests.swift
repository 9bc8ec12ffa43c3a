import FormwrightCore
import Testing

@testable import FormwrightExpressions

@Suite struct ParserTests {
    static func printed(_ source: String) -> String {
        switch ExpressionParser.parse(source) {
        case .success(let node): node.printed()
        case .failure(let diagnostic): "error: \(diagnostic)"
        }
    }

    static let goldens: [(String, String)] = [
        ("1 + 2 * 3", "_+_(1, _*_(2, 3))"),
        ("(1 + 2) * 3", "_*_(_+_(1, 2), 3)"),
        ("a - b - c", "_-_(_-_(a, b), c)"),
        ("a < b == c", "_==_(_<_(a, b), c)"),
        ("!x && -y > 0 || z", "_||_(_&&_(!_(x), _>_(-_(y), 0)), z)"),
        ("a && b && c && d", "_&&_(_&&_(a, b), _&&_(c, d))"),
        ("c ? 1 : d ? 2 : 3", "_?_:_(c, 1, _?_:_(d, 2, 3))"),
        ("x in [1, 2u, 3.5, 'a', b'b', null, true]", "@in(x, [1, 2u, 3.5, \"a\", b\"b\", null, true])"),
        ("{'k': v, 1: [a.b, c[0]]}", "{\"k\": v, 1: [a.b, _[_](c, 0)]}"),
        ("a.b.c(1).d", "a.b.c(1).d"),
        ("size(x) + x.size()", "_+_(size(x), x.size())"),
        ("has(r.f)", "has(r.f)"),
        ("l.all(e, e > 0)", "all(l, e, _>_(e, 0))"),
        ("l.exists_one(e, e)", "exists_one(l, e, e)"),
        ("l.map(e, e * 2)", "map(l, e, _*_(e, 2))"),
        ("l.map(e, e > 1, e * 2)", "map(l, e, _>_(e, 1), _*_(e, 2))"),
        ("l.filter(e, e != 'x')", "filter(l, e, _!=_(e, \"x\"))"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("-(1)", "-_(1)"),
        ("--1", "-_(-1)"),
        (".y.z", ".y.z"),
        ("{'a': 1}.`content-type`", "{\"a\": 1}.content-type"),
        ("m.if", "m.if"),
        ("[1, 2,]", "[1, 2]"),
        ("0x1F + 0x1Fu + 1e3 + .5", "_+_(_+_(_+_(31, 31u), 1000.0), 0.5)"),
        ("'a\\tb' + r'a\\tb' + '''x\ny'''", "_+_(_+_(\"a\\tb\", \"a\\\\tb\"), \"x\\ny\")"),
        ("b'\\xff\\000' + B'\\u00ff'.size() // comment", "error: 16: expression.syntax: unicode escape in a bytes literal"),
    ]

    @Test(arguments: goldens) func printsTheTree(source: String, expected: String) {
        #expect(Self.printed(source) == expected)
    }

    @Test func stringEscapesDecode() throws {
        let node = try ExpressionParser.parse(#"'\a\b\f\n\r\t\v\\\?\"\'\`\x41\X42\103\u00e9\U0001F431'"#).get()
        guard case .literal(.string(let text)) = node.kind else {
            Issue.record("not a string literal")
            return
        }
        #expect(text == "\u{07}\u{08}\u{0C}\n\r\t\u{0B}\\?\"'`ABCé🐱")
    }

    @Test func bytesEscapesAreOctets() throws {
        let node = try ExpressionParser.parse(#"b'\xff\377ÿ'"#).get()
        guard case .literal(.bytes(let bytes)) = node.kind else {
            Issue.record("not a bytes literal")
            return
        }
        #expect(bytes == [0xFF, 0xFF, 0xC3, 0xBF])
    }

    @Test func nodesCarryIDsAndSpans() throws {
        let node = try ExpressionParser.parse("ab + cd.ef").get()
        guard case .call("_+_", nil, let arguments) = node.kind else {
            Issue.record("not an addition")
            return
        }
        #expect(node.span == 0..<10)
        #expect(arguments[0].span == 0..<2)
        #expect(arguments[1].span == 5..<10)
        #expect(Set([node.id, arguments[0].id, arguments[1].id]).count == 3)
    }

    /// Syntax errors: the offending offset within the expression.
    static let errors: [(String, Int)] = [
        ("1 +", 3),
        ("(1", 2),
        ("a.b(", 4),
        ("[1, 2", 5),
        ("{1: 2", 5),
        ("1 2", 2),
        ("'abc", 0),
        ("9223372036854775808", 0),
        ("18446744073709551616u", 0),
        ("a.if()", -1),
        ("if", 0),
        ("x.all(1, true)", 6),
        ("has(x)", 0),
        ("a # b", 2),
        ("Msg{a: 1}", 3),
        ("'\\q'", 1),
        ("'\\ud800'", 1),
        ("a ? b", 5),
    ]

    @Test(arguments: errors) func reportsSyntaxErrorsWhereTheyAre(source: String, offset: Int) {
        switch ExpressionParser.parse(source) {
        case .success(let node):
            // `a.if()` is a valid member call on a reserved name; only the others must fail.
            #expect(offset == -1, "parsed as \(node.printed())")
        case .failure(let diagnostic):
            #expect(diagnostic.range.lowerBound == offset, "\(diagnostic)")
            #expect(diagnostic.id == ExpressionDiagnostic.ID.syntax)
        }
    }

    @Test func offsetsCountUnicodeScalars() {
        // 'é' and '🐱' are one scalar each, so the error sits at offset 7, not at its UTF-8 or UTF-16 offset.
        guard case .failure(let diagnostic) = ExpressionParser.parse("'é🐱' + ) ") else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(diagnostic.range.lowerBound == 7)
    }
}
