import FormwrightCore
import FormwrightDefinition
import Testing

extension MarkedFixture {
    /// Expects `loaded` (this fixture's text, loaded) to hold exactly one diagnostic: `id`,
    /// `severity` and exactly `message`, at marker 1; and, for an error, no definition.
    func expectOne(
        _ loaded: LoadedApp, id: String, message: String, severity: Severity, sourceLocation: Testing.SourceLocation
    ) {
        let described = loaded.diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.id): \($0.message)" }
        #expect(loaded.diagnostics.count == 1, "\(described)", sourceLocation: sourceLocation)
        guard let diagnostic = loaded.diagnostics.first, let marker = markers["1"] else {
            Issue.record("no diagnostic or no marker: \(described)", sourceLocation: sourceLocation)
            return
        }
        #expect(diagnostic.id == id, sourceLocation: sourceLocation)
        #expect(diagnostic.severity == severity, sourceLocation: sourceLocation)
        #expect(diagnostic.message == message, sourceLocation: sourceLocation)
        #expect(diagnostic.range.start.line == marker.line, "\(described)", sourceLocation: sourceLocation)
        #expect(diagnostic.range.start.column == marker.column, "\(described)", sourceLocation: sourceLocation)
        if severity == .error { #expect(loaded.definition == nil, sourceLocation: sourceLocation) }
    }
}
