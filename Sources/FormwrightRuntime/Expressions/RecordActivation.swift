import FormwrightCore
import FormwrightExpressions

/// The names an expression about one record reads: its fields by name and as `record`, `user` and `now`.
///
/// Values are in expression form (see `ExpressionValues`); an empty or absent field reads as null.
struct RecordActivation: Activation {
    let fields: [String: Value]
    let record: Value
    let context: EvaluationContext

    init(fields: [String: Value], context: EvaluationContext) {
        self.fields = fields
        self.context = context
        record = .map(ValueMap(fields.sorted { $0.key < $1.key }.map { (Value.string($0.key), $0.value) }))
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
