import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Testing

/// An app with every expression key, used by the expression tests, loaded from YAML text and served from memory.
enum SalesApp {
    static let yaml = """
        formwright: 1
        app: sales
        timezone: Asia/Shanghai
        tables:
          customers:
            fields:
              name: { type: text, required: true }
          deals:
            fields:
              title: { type: text, required: true }
              channel: { type: choice, options: [phone, visit, email, meeting] }
              amount: { type: money }
              quantity: { type: integer, required: true }
              sentiment: { type: number }
              opened_at: { type: datetime, default: "= now" }
              follow_up_on: { type: date }
              due_on: { type: date, default: "= now + duration('72h')" }
              unit_price: { type: money, compute: "amount == null ? 0.0 : amount / double(quantity)" }
              risk: { type: choice, options: [unknown, low, high],
                      compute: "sentiment == null ? 'unknown' : sentiment < 0.0 ? 'high' : 'low'" }
              summary: { type: text, compute: "title + ' (' + risk + ')'" }
              ratio: { type: integer, compute: "100 / quantity" }
            rules:
              - check: "amount == null || amount <= 1000000.0"
                message: { en: "{{ title }}: an amount of {{ amount }} is over the limit", zh: "{{ title }}：金额 {{ amount }} 超过上限" }
          notes:
            fields:
              text: { type: text, required: true }
        forms:
          log_deal:
            table: deals
            fields:
              - title
              - quantity
              - channel
              - amount: { readonly_if: "channel == 'email'" }
              - sentiment: { required_if: "risk == 'unknown' && channel == 'visit'" }
              - follow_up_on: { visible_if: "channel == 'meeting'", required_if: "channel == 'meeting'" }
            rules:
              - check: "size(title) >= 3"
                message: The title needs at least 3 characters, not {{ size(title) }}.
        """

    static func definition() throws -> AppDefinition {
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        return try #require(loaded.definition, "\(loaded.diagnostics.map { "\($0.range.start) \($0.message)" })")
    }

    static func runtime() async throws -> AppRuntime {
        let runtime = AppRuntime(definition: try definition(), storage: MemoryStorage())
        try await runtime.prepare()
        return runtime
    }

    static func json(_ values: [String: Value]) -> SubmissionInput {
        SubmissionInput(values: values, format: .json)
    }

    /// The errors a throwing write was refused with.
    static func rejection(_ body: () async throws -> Void) async -> [FieldError] {
        do {
            try await body()
            return []
        } catch let rejected as SubmissionRejected {
            return rejected.errors
        } catch {
            return [FieldError(field: "unexpected", problem: .expressionFailed("\(error)"))]
        }
    }
}
