import Testing

@testable import FormwrightCore

@Suite struct DiagnosticRendererTests {
    let file = SourceFile(path: "app.yaml", text: "tables:\n  t:\n    fields: { name: { tpye: text } }\n")

    func diagnostic(_ severity: Severity, line: Int, column: Int, length: Int, _ message: String) -> Diagnostic {
        let start = SourceLocation(line: line, column: column, offset: 0)
        let end = SourceLocation(line: line, column: column + length, offset: length)
        return Diagnostic(id: "test.case", severity: severity, message: message, file: "app.yaml", range: SourceRange(start: start, end: end))
    }

    @Test func rendersLineAndCaret() {
        let renderer = DiagnosticRenderer(sources: [file])
        let text = renderer.text([diagnostic(.error, line: 3, column: 23, length: 4, "unknown key 'tpye'; did you mean 'type'?")])
        #expect(
            text == """
                app.yaml:3:23: error: unknown key 'tpye'; did you mean 'type'?
                 3 |     fields: { name: { tpye: text } }
                   |                       ^~~~
                1 error

                """)
    }

    @Test func sortsAndCaps() {
        let renderer = DiagnosticRenderer(sources: [file], limit: 1)
        let text = renderer.text([
            diagnostic(.warning, line: 3, column: 5, length: 1, "later"),
            diagnostic(.error, line: 1, column: 1, length: 1, "first"),
        ])
        #expect(text.hasPrefix("app.yaml:1:1: error: first\n"))
        #expect(text.contains("… and 1 more not shown\n"))
        #expect(text.hasSuffix("1 error, 1 warning\n"))
        #expect(!text.contains("later"))
    }

    @Test func rendersContractJSON() {
        let renderer = DiagnosticRenderer(sources: [file])
        let json = renderer.json([diagnostic(.warning, line: 2, column: 3, length: 1, "say \"hi\"\n")])
        #expect(
            json
                == "[{\"file\":\"app.yaml\",\"line\":2,\"column\":3,\"severity\":\"warning\",\"id\":\"test.case\",\"message\":\"say \\\"hi\\\"\\n\"}]\n"
        )
        #expect(renderer.json([]) == "[]\n")
    }

    @Test func caretAccountsForWideCharacters() {
        let wide = SourceFile(path: "w.yaml", text: "title: 客户 x\n")
        let text = DiagnosticRenderer(sources: [wide]).render(
            Diagnostic(
                id: "t", severity: .error, message: "m", file: "w.yaml",
                range: SourceRange(at: SourceLocation(line: 1, column: 11, offset: 10))))
        #expect(text.hasSuffix("   | " + String(repeating: " ", count: 7 + 4 + 1) + "^\n"))
    }
}
