/// Why parsing stopped: a message and the offsets of the offending text.
struct ParseFailure: Error {
    let id: String
    let message: String
    let span: Range<Int>

    init(_ message: String, at span: Range<Int>, id: String = ExpressionDiagnostic.ID.syntax) {
        self.id = id
        self.message = message
        self.span = span
    }
}
