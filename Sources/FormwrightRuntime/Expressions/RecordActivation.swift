import FormwrightCore
import FormwrightExpressions

/// The names an expression about one record reads: its fields by name and as `record`, `user` and `now`.
///
/// Values are in expression form (see `ExpressionValues`); an empty or absent field reads as null.
struct RecordActivation: Activation {
    let fields: [String: Value]
    let record: Value
    let context: EvaluationContext

    /// Creates an activation from the fields in the table's order, which `record` keeps.
    init(ordered: [(name: String, value: Value)], context: EvaluationContext) {
        var fields: [String: Value] = [:]
        fields.reserveCapacity(ordered.count)
        for (name, value) in ordered { fields[name] = value }
        self.fields = fields
        self.context = context
        record = .map(ValueMap(ordered.map { (Value.string($0.name), $0.value) }))
    }

    func value(named name: String) -> Value? {
        switch name {
        case "record": record
        case "now": .timestamp(context.now)
        case "user": context.user
        default: fields[name] ?? .null
        }
    }
}
