import FormwrightCore
import FormwrightDefinition
import Testing

/// An app with the tables dashboards read; a test appends its own `dashboards:` section, marked
/// where the one expected diagnostic must stand (`1️⃣`).
enum DashboardFixture {
    static let header = """
        formwright: 1
        app: dashboards
        tables:
          opportunities:
            fields:
              name:           { type: text, required: true }
              region:         { type: choice, options: [east, north, south, west] }
              stage:          { type: choice, options: [lead, proposal, won, lost] }
              tags:           { type: multichoice, options: [vip, new] }
              amount:         { type: money }
              offered:        { type: integer }
              accepted:       { type: integer }
              score:          { type: number }
              expected_close: { type: date }
              closed_at:      { type: datetime }
              note:           { type: longtext }

        """

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

    /// A dashboard `d` holding one tile, written as flow mapping entries.
    static func tile(_ entries: String) -> String {
        """
        dashboards:
          d:
            tiles:
              - { \(entries) }
        """
    }
}
