import FormwrightCore
import FormwrightDefinition
import Testing

/// A fixture whose tests append a section to a fixed app `header`, marked where the one expected
/// diagnostic must stand (`1️⃣`).
protocol HeaderFixture {
    /// The app the tests' sections are appended to.
    static var header: String { get }
}

extension HeaderFixture {
    /// Loads the header followed by `marked`.
    static func load(_ marked: String) -> (loaded: LoadedApp, fixture: MarkedFixture) {
        let fixture = MarkedFixture(marked: header + marked)
        return (DefinitionLoader().load(bytes: Array(fixture.text.utf8), path: "app.yaml"), fixture)
    }

    /// Expects exactly one diagnostic: `id` with exactly `message`, at marker 1, and for an error no definition.
    static func expectOne(
        _ marked: String, id: String, message: String, severity: Severity = .error, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let (loaded, fixture) = load(marked)
        fixture.expectOne(loaded, id: id, message: message, severity: severity, sourceLocation: sourceLocation)
    }
}
