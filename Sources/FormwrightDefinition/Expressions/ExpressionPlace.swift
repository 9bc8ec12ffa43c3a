import FormwrightCore
import FormwrightExpressions

/// The names of one place in a workflow or an integration, and what is misplaced there.
struct ExpressionPlace {
    /// What the place offers, for finding misplaced names.
    var names: NameCheck.Place
    /// The variables declared there, before any unknown step is added.
    var declarations: Declarations
    /// The record type of `steps`, by step id; unknown ids are added as errors so they are reported once.
    var steps: [String: ExpressionType] = [:]
    /// The options of choice fields, by the name `record.<name>` reads them as.
    var options: [String: [String]] = [:]

    /// A compiler for an expression that names `unknownSteps` besides the known ones.
    func compiler(unknownSteps: [String]) -> ExpressionCompiler {
        var declarations = declarations
        if !steps.isEmpty || !unknownSteps.isEmpty {
            var fields = steps
            for id in unknownSteps where fields[id] == nil { fields[id] = .error }
            declarations.declare("steps", .record(RecordType(name: "steps", fields: fields)))
        }
        return ExpressionCompiler(declarations: declarations)
    }

    /// The environment: a map of strings.
    static let environment = ExpressionType.map(key: .string, value: .string)

    /// The record type of a table as workflows see it: its fields plus `id`, `version`, `created_at` and `updated_at`.
    static func storedRecord(of table: TableDefinition) -> RecordType {
        var record = TableScope(table: table).recordType
        record.fields["id"] = .string
        record.fields["version"] = .int
        record.fields["created_at"] = .timestamp
        record.fields["updated_at"] = .timestamp
        return record
    }

    /// A place in a workflow whose trigger watches `table`.
    static func workflow(_ table: TableDefinition, steps: [String: ExpressionType], names: NameCheck.Place) -> ExpressionPlace {
        let record = storedRecord(of: table)
        var declarations = Declarations()
        declarations.declare("record", .record(record))
        declarations.declare("old", .record(record))
        declarations.declare("input", .map(key: .string, value: .dyn))
        declarations.declare("now", .timestamp)
        declarations.declare("env", environment)
        var place = ExpressionPlace(names: names, declarations: declarations, steps: steps)
        place.options = Dictionary(uniqueKeysWithValues: table.fields.filter(\.type.hasOptions).map { ($0.name.value, $0.options.map(\.value)) })
        return place
    }

    /// A place in an integration; `response` is refused outside `output`.
    static func integration(_ integration: IntegrationDefinition, inOutput: Bool) -> ExpressionPlace {
        var declarations = Declarations()
        if let inputs = integration.inputs {
            let fields = Dictionary(inputs.map { ($0.name.value, $0.type.expressionType) }, uniquingKeysWith: { first, _ in first })
            declarations.declare("input", .record(RecordType(name: "input", fields: fields)))
        } else {
            declarations.declare("input", .map(key: .string, value: .dyn))
        }
        let response = RecordType(
            name: "response", fields: ["status": .int, "headers": .map(key: .string, value: .string), "body": .dyn])
        declarations.declare("response", .record(response))
        declarations.declare("env", environment)
        var names = NameCheck.Place()
        if !inOutput {
            names.responseRefusal = "'response' is the reply to the call, so it exists only in 'output'"
        }
        return ExpressionPlace(names: names, declarations: declarations)
    }
}
