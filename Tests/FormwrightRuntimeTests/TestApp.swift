import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Testing

/// An app with one field of every type, loaded through the real loader.
enum TestApp {
    static let yaml = """
        formwright: 1
        app: every-type
        tables:
          customers:
            fields:
              name: { type: text, required: true, max_length: 20 }
              code: { type: text, pattern: '^[A-Z]{2}-\\d{3}$', unique: true }
          things:
            fields:
              title: { type: text, required: true, min_length: 2, max_length: 10 }
              notes: { type: longtext }
              count: { type: integer, min: 0, max: 100 }
              score: { type: number, min: -1, max: 1 }
              price: { type: money, min: 0, max: 1000 }
              done: { type: boolean, default: false }
              due: { type: date, min: 2020-01-01 }
              at: { type: datetime }
              stage: { type: choice, options: [lead, won, lost], default: lead }
              tags: { type: multichoice, options: [a, b, c] }
              email: { type: email }
              phone: { type: phone }
              site: { type: url }
              customer: { type: link, table: customers }
              fixed: { type: text, readonly: true }
        forms:
          add_thing:
            table: things
            fields: [title, count, customer]
        """

    static func definition() throws -> AppDefinition {
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        return try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
    }

    static func runtime() async throws -> AppRuntime {
        let runtime = AppRuntime(definition: try definition(), storage: MemoryStorage())
        try await runtime.prepare()
        return runtime
    }
}
