import FormwrightCore
import FormwrightDefinition
import Testing

/// An app with the tables dashboards read; a test appends its own `dashboards:` section, marked
/// where the one expected diagnostic must stand (`1️⃣`).
enum DashboardFixture: HeaderFixture {
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
