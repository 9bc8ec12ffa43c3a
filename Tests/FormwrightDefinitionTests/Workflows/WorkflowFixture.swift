import FormwrightCore
import FormwrightDefinition
import Testing

/// An app with tables and integrations to write workflows against; a test appends its own
/// sections, marked where the one expected diagnostic must stand (`1️⃣`).
enum WorkflowFixture {
    static let header = """
        formwright: 1
        app: workflows
        tables:
          customers:
            fields:
              email: { type: email, unique: true }
              name:  { type: text, required: true }
          conversations:
            fields:
              customer:   { type: link, table: customers }
              channel:    { type: choice, options: [phone, email] }
              transcript: { type: longtext, required: true }
              sentiment:  { type: number, min: -1, max: 1 }
              risk:       { type: choice, options: [unknown, low, high], compute: "sentiment == null ? 'unknown' : sentiment < -0.3 ? 'high' : 'low'" }
          tasks:
            fields:
              conversation: { type: link, table: conversations, required: true }
              title:        { type: text, required: true }
              done:         { type: boolean, default: false }

        """

    static let integrations = """
        integrations:
          scorer:
            kind: sentiment
          service:
            kind: http
            url: "https://sentiment.example.com/score"
            inputs: { text: text }
            body: { text: "= input.text" }
            outputs: { score: number }
            output: { score: "= double(response.body.score)" }

        """

    /// Loads the header, the standard integrations unless `integrations` is false, and `marked`.
    static func load(_ marked: String, integrations: Bool = true) -> (loaded: LoadedApp, fixture: MarkedFixture) {
        let fixture = MarkedFixture(marked: header + (integrations ? Self.integrations : "") + marked)
        return (DefinitionLoader().load(bytes: Array(fixture.text.utf8), path: "app.yaml"), fixture)
    }

    /// Expects exactly one diagnostic: an error with `id` and exactly `message`, at marker 1.
    static func expectOne(
        _ marked: String, id: String, message: String, severity: Severity = .error, integrations: Bool = true,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let (loaded, fixture) = load(marked, integrations: integrations)
        fixture.expectOne(loaded, id: id, message: message, severity: severity, sourceLocation: sourceLocation)
    }
}
