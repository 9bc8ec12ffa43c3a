import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions
import FormwrightStorage

/// The names a workflow expression reads: `record`, `old`, `steps`, `now` and `env`.
struct WorkflowActivation: Activation {
    let record: Value
    let old: Value
    let steps: ValueMap
    let now: Timestamp
    let environment: Value

    init(run: WorkflowRun, now: Timestamp, environment: Value) {
        record = run.record
        old = run.old
        steps = run.outputs
        self.now = now
        self.environment = environment
    }

    func value(named name: String) -> Value? {
        switch name {
        case "record": record
        case "old": old
        case "steps": .map(steps)
        case "now": .timestamp(now)
        case "env": environment
        default: nil
        }
    }

    /// A stored record as workflow expressions see it: its fields by name in the table's order
    /// (null when empty), then `id`, `version`, `created_at` and `updated_at`.
    static func recordValue(_ stored: StoredRecord, table: TableDefinition, values: ExpressionValues) -> Value {
        var entries: [(Value, Value)] = table.fields.map { field in
            let value = stored.fields[field.name.value].map { values.expressionValue($0, of: field) } ?? .null
            return (.string(field.name.value), value)
        }
        entries.append((.string("id"), .string(stored.id)))
        entries.append((.string("version"), .int(stored.version)))
        entries.append((.string("created_at"), .timestamp(stored.createdAt)))
        entries.append((.string("updated_at"), .timestamp(stored.updatedAt)))
        return .map(ValueMap(entries))
    }

    /// The environment as the `env` map of text.
    static func environmentValue(_ environment: [String: String]) -> Value {
        .map(ValueMap(environment.keys.sorted().map { (.string($0), .string(environment[$0] ?? "")) }))
    }
}

/// Computes a data slot: plain data as written, programs evaluated, lists and maps slot by slot.
enum DataEvaluation {
    static func evaluate(_ data: CompiledData, in activation: some Activation) -> Result<Value, EvaluationError> {
        switch data {
        case .literal(let value): return .success(value)
        case .program(let program): return program.evaluate(activation)
        case .list(let items):
            var values: [Value] = []
            for item in items {
                switch evaluate(item, in: activation) {
                case .success(let value): values.append(value)
                case .failure(let error): return .failure(error)
                }
            }
            return .success(.list(values))
        case .map(let entries):
            var pairs: [(Value, Value)] = []
            for entry in entries {
                switch evaluate(entry.value, in: activation) {
                case .success(let value): pairs.append((.string(entry.key), value))
                case .failure(let error): return .failure(error)
                }
            }
            return .success(.map(ValueMap(pairs)))
        }
    }
}
