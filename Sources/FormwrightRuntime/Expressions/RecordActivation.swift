import FormwrightCore
import FormwrightExpressions

/// The names an expression about one record reads: its fields by name and as `record`, `user` and `now`.
///
/// Values are in expression form (see `ExpressionValues`); an empty or absent field reads as null.
/// `record` is assembled only when an expression asks for it, since most read fields by name.
struct RecordActivation: Activation {
    /// The fields in the table's order, which `record` keeps.
    var names: [String]
    var fields: [String: Value]
    let context: EvaluationContext

    /// Creates an activation from field names in the table's order and their values.
    init(names: [String], fields: [String: Value], context: EvaluationContext) {
        self.names = names
        self.fields = fields
        self.context = context
    }

    func value(named name: String) -> Value? {
        switch name {
        case "record": .map(ValueMap(names.map { (Value.string($0), fields[$0] ?? .null) }))
        case "now": .timestamp(context.now)
        case "user": context.user
        default: fields[name] ?? .null
        }
    }
}
