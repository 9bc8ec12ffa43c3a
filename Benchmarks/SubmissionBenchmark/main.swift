// Measures what expressions cost a submission: submissions per second through a form with five
// rules and two computed fields, against the same form without them, on the in-memory store, in
// one run. Rounds alternate between the two so drift on a shared machine hits both alike.
import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Foundation

func app(withExpressions: Bool) -> String {
    let computed =
        withExpressions
        ? """
              risk: { type: choice, options: [unknown, low, medium, high],
                      compute: "sentiment == null ? 'unknown' : sentiment < -0.3 ? 'high' : sentiment < 0.2 ? 'medium' : 'low'" }
              total: { type: money, compute: "amount == null ? 0.0 : amount * double(quantity)" }
        """
        : """
              risk: { type: choice, options: [unknown, low, medium, high] }
              total: { type: money }
        """
    let tableRules =
        withExpressions
        ? """
            rules:
              - check: "channel != 'email' || size(transcript) <= 20000"
                message: An email transcript is limited to 20,000 characters.
              - check: "quantity > 0 && quantity <= 1000"
                message: "A quantity of {{ quantity }} is out of range."
              - check: "amount == null || amount < 1000000.0"
                message: The amount is over the limit.
        """
        : ""
    let formRules =
        withExpressions
        ? """
            rules:
              - check: "size(transcript) >= 20"
                message: Please write at least a sentence or two.
              - check: "!transcript.contains('lorem ipsum')"
                message: Please write what the customer said.
        """
        : ""
    return """
        formwright: 1
        app: bench
        tables:
          conversations:
            fields:
              channel: { type: choice, options: [phone, visit, email, meeting], required: true }
              transcript: { type: longtext, required: true, max_length: 20000 }
              sentiment: { type: number, min: -1, max: 1 }
              quantity: { type: integer, required: true }
              amount: { type: money }
        \(computed)
        \(tableRules)
        forms:
          log:
            table: conversations
            fields: [channel, transcript, sentiment, quantity, amount]
        \(formRules)
        """
}

func runtime(_ yaml: String) async throws -> AppRuntime {
    let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
    guard let definition = loaded.definition else {
        throw RuntimeError(.badRequest, "the benchmark app does not check: \(loaded.diagnostics.map(\.message))")
    }
    let runtime = AppRuntime(definition: definition, storage: MemoryStorage())
    try await runtime.prepare()
    return runtime
}

let input = SubmissionInput(
    values: [
        "channel": .string("phone"), "transcript": .string("The customer asked about delivery times and was happy overall."),
        "sentiment": .double(0.4), "quantity": .int(3), "amount": .string("125.50"),
    ],
    format: .json)

/// Submissions per second over `count` submissions to a fresh store.
func rate(_ yaml: String, count: Int) async throws -> Double {
    let runtime = try await runtime(yaml)
    let clock = ContinuousClock()
    let elapsed = try await clock.measure {
        for _ in 0..<count { _ = try await runtime.submit(form: "log", input: input) }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Double(count) / max(seconds, 1e-9)
}

/// Pipeline runs per second (coerce, defaults, conditions, checks, computed fields, rules) with no store at all.
func pipelineRate(_ yaml: String, count: Int) throws -> Double {
    let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
    guard let definition = loaded.definition, let form = definition.form(named: "log"), let table = definition.table(named: "conversations")
    else { throw RuntimeError(.badRequest, "the benchmark app does not check") }
    let pipeline = SubmissionPipeline(app: definition)
    let context = EvaluationContext()
    var stored = 0
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for _ in 0..<count {
            if case .success(let values) = pipeline.valuesForCreate(table: table, form: form, input: input, context: context) {
                stored &+= values.count
            }
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return stored > 0 ? Double(count) / max(seconds, 1e-9) : 0
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

// The in-memory store copies an app's tables on each write, so a store is kept small: each round
// submits `count` records to a fresh store.
let count = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 1_000
let with = app(withExpressions: true)
let without = app(withExpressions: false)
_ = try await rate(with, count: 200)
_ = try await rate(without, count: 200)
var withRates: [Double] = []
var withoutRates: [Double] = []
var pipelineWith: [Double] = []
var pipelineWithout: [Double] = []
for _ in 0..<7 {
    withoutRates.append(try await rate(without, count: count))
    withRates.append(try await rate(with, count: count))
    pipelineWithout.append(try pipelineRate(without, count: count * 5))
    pipelineWith.append(try pipelineRate(with, count: count * 5))
}
print(String(format: "submit on the memory store, without expressions: %.0f submissions/s", median(withoutRates)))
print(String(format: "submit on the memory store, five rules + two computed fields: %.0f submissions/s", median(withRates)))
print(String(format: "ratio (with / without): %.2f  [median of 7 rounds of %d submissions each]", median(withRates) / median(withoutRates), count))
print(
    String(
        format: "pipeline alone (no store), without / with: %.0f / %.0f per second, ratio %.2f", median(pipelineWithout), median(pipelineWith),
        median(pipelineWith) / median(pipelineWithout)))
