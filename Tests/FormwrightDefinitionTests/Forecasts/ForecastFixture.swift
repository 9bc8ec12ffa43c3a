import FormwrightCore
import FormwrightDefinition
import Testing

/// An app with the tables forecasts read; a test appends its own `forecasts:` section, marked
/// where the one expected diagnostic must stand (`1️⃣`).
enum ForecastFixture: HeaderFixture {
    static let header = """
        formwright: 1
        app: forecasts
        tables:
          opportunities:
            fields:
              region:         { type: choice, options: [east, north, south, west] }
              product:        { type: text }
              customer:       { type: link, table: customers }
              amount:         { type: money }
              expected_close: { type: date }
              stage:          { type: choice, options: [lead, proposal, won, lost] }
              probability:    { type: number, min: 0, max: 1 }
              offered:        { type: integer }
              accepted:       { type: integer }
              note:           { type: longtext }
          customers:
            fields:
              name: { type: text, required: true }
          subsidies:
            fields:
              region: { type: choice, options: [east, north, south, west] }
              week:   { type: date }
              level:  { type: number }
          competitor_prices:
            fields:
              region: { type: choice, options: [east, north, south, west] }
              week:   { type: date }
              index:  { type: number }
          ad_spend:
            fields:
              channel:  { type: text }
              month:    { type: date }
              paid_at:  { type: datetime }
              spend:    { type: money }
          plans:
            fields:
              region:  { type: choice, options: [east, north, south, west] }
              week:    { type: date }
              planned: { type: money }
              label:   { type: text }

        """
}
