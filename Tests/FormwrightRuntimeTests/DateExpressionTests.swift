import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import Testing

/// Dates inside expressions are the moment their day starts in the app's time zone.
@Suite struct DateExpressionTests {
    static let yaml = """
        formwright: 1
        app: tasks
        timezone: Asia/Shanghai
        tables:
          tasks:
            fields:
              due: { type: date, required: true }
              starts: { type: date, default: "= now + duration('72h')" }
              overdue: { type: boolean, compute: "due < now" }
              day: { type: integer, compute: "due.getDate('Asia/Shanghai')" }
        """

    /// 2026-02-01 00:30 in Shanghai, still 2026-01-31 in UTC.
    static let now = Timestamp(rfc3339: "2026-01-31T16:30:00Z") ?? Timestamp(seconds: 0)

    static func create(_ due: String) throws -> [String: Value] {
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        let app = try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
        let table = try #require(app.table(named: "tasks"))
        let input = SubmissionInput(values: ["due": .string(due)], format: .json)
        return try SubmissionPipeline(app: app).valuesForCreate(table: table, form: nil, input: input, context: EvaluationContext(now: now)).get()
    }

    @Test func aDateIsItsDayStartInTheAppZone() throws {
        let today = try Self.create("2026-02-01")
        #expect(today["overdue"] == .bool(true))
        #expect(today["day"] == .int(1))
        let tomorrow = try Self.create("2026-02-02")
        #expect(tomorrow["overdue"] == .bool(false))
    }

    @Test func aTimestampStoredInADateFieldTakesItsDayInTheAppZone() throws {
        // Shanghai's 2026-02-01 00:30 plus 72 hours is 2026-02-04, though UTC still says 2026-02-03.
        #expect(try Self.create("2026-02-01")["starts"] == .string("2026-02-04"))
    }
}
