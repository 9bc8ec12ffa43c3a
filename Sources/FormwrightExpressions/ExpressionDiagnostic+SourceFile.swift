public import FormwrightCore

extension ExpressionDiagnostic {
    /// The diagnostic as a Core diagnostic located in `file`, whose text starts with the expression at `offset`.
    public func diagnostic(in file: SourceFile, startingAt offset: Int = 0) -> Diagnostic {
        Diagnostic(
            id: id, severity: severity, message: message, file: file.path,
            range: SourceRange(
                start: file.location(ofOffset: offset + range.lowerBound), end: file.location(ofOffset: offset + range.upperBound)))
    }
}
