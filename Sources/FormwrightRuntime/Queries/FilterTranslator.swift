import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions
import FormwrightStorage

/// Translates a checked records filter into a ``RecordCondition`` the backend evaluates itself.
///
/// These forms translate, a field named bare (`channel`) or through `record` (`record.channel`):
/// `&&`, `||`, `!`; `field == c`, `field != c` (`c` may be `null`); `field < c`, `<=`, `>`, `>=`,
/// either way round; `field in [c, …]`; `field.startsWith(c)` and `field.contains(c)` on a text
/// field; a boolean field on its own. `c` is any part of the filter that reads no field — a
/// literal, `now`, `user.…`, arithmetic on them — worked out once per request and encoded as the
/// field stores its values. A comparison is translated only when that encoding is exact, so that
/// the backend's answer is the answer CEL would give: a timestamp with digits below the
/// microsecond, an amount with more decimals than the money field keeps, or an integer and a
/// double that do not convert exactly stay in memory. Multiple-choice fields, comparisons of two
/// fields, conditionals, other functions and constants whose evaluation fails do not translate.
///
/// The backend's three-valued logic matches how the in-memory evaluation treats errors: a
/// comparison with an empty field is unknown in SQL and an error in CEL, `&&` and `||` absorb
/// either the same way, and a record matches only when the whole filter is true.
struct FilterTranslator {
    /// The table the filter is about.
    let table: TableDefinition
    /// The compiled, type-checked filter.
    let program: Program
    /// How stored values and expression values correspond.
    let values: ExpressionValues
    /// `now` and `user` for the parts of the filter that read no field.
    let context: EvaluationContext

    /// The whole filter as a backend condition, for a reader that has the store compute everything
    /// itself; a filter that does not translate whole is a bad request naming `what` it is (such as
    /// `forecast 'x': its 'filter'`) and, in `so the store can …`, what the store had to do.
    func wholeCondition(_ what: String, soTheStoreCan purpose: String) throws -> RecordCondition? {
        let translation = translate()
        guard translation.isComplete else {
            throw RuntimeError(
                .badRequest,
                "\(what) must compare fields with values (==, !=, <, <=, >, >=, in, startsWith, contains, joined by &&, || and !) "
                    + "so the store can \(purpose) itself; this one needs more")
        }
        return translation.condition
    }

    /// The filter as a backend condition, whole when it can be, else its translatable conjuncts.
    func translate() -> FilterTranslation {
        guard let checked = program.checked else { return FilterTranslation(condition: nil, isComplete: false) }
        var conditions: [RecordCondition] = []
        var complete = true
        let schema = TableSchema(
            name: table.name.value, columns: table.fields.map { ColumnSchema(name: $0.name.value, type: StoreSchemaMapper.columnType(of: $0)) })
        for conjunct in Self.conjuncts(of: checked.root) {
            // A condition past the backend's size limits stays in memory rather than failing the request.
            if let condition = condition(conjunct, checked), (try? schema.checkCondition(condition)) != nil {
                conditions.append(condition)
            } else {
                complete = false
            }
        }
        let condition: RecordCondition? =
            switch conditions.count {
            case 0: nil
            case 1: conditions[0]
            default: .all(conditions)
            }
        guard let condition, (try? schema.checkCondition(condition)) != nil else { return FilterTranslation(condition: nil, isComplete: false) }
        return FilterTranslation(condition: condition, isComplete: complete)
    }

    /// The operands of a top-level `&&` chain, in order; the node itself when it is not one.
    static func conjuncts(of node: ExpressionNode) -> [ExpressionNode] {
        guard case .call("_&&_", nil, let arguments) = node.kind else { return [node] }
        return arguments.flatMap(conjuncts(of:))
    }

    private func condition(_ node: ExpressionNode, _ checked: CheckedExpression) -> RecordCondition? {
        if !readsRecord(node, checked) {
            guard case .bool(let result)? = constant(node) else { return nil }
            return .constant(result)
        }
        if let field = field(node, checked) {
            // A bare boolean field: an empty one is unknown, as CEL's `&&`, `||` and `!` find it an error.
            guard field.type == .boolean else { return nil }
            return .compare(field.name.value, .greater, .integer(0))
        }
        guard case .call(let function, let target, let arguments) = node.kind else { return nil }
        switch (function, target, arguments.count) {
        case ("_&&_", nil, _), ("_||_", nil, _):
            var parts: [RecordCondition] = []
            for argument in arguments {
                guard let part = condition(argument, checked) else { return nil }
                parts.append(part)
            }
            return function == "_&&_" ? .all(parts) : .any(parts)
        case ("!_", nil, 1):
            return condition(arguments[0], checked).map { .not($0) }
        case ("_==_", nil, 2):
            return equality(arguments[0], arguments[1], checked)
        case ("_!=_", nil, 2):
            return equality(arguments[0], arguments[1], checked).map { .not($0) }
        case ("@in", nil, 2):
            return membership(arguments[0], arguments[1], checked)
        case ("startsWith", let text?, 1), ("contains", let text?, 1):
            return textTest(function, text, arguments[0], checked)
        default:
            guard let comparison = Self.comparisons[function], target == nil, arguments.count == 2 else { return nil }
            return ordering(comparison, arguments[0], arguments[1], checked)
        }
    }

    private static let comparisons: [String: RecordCondition.Comparison] = [
        "_<_": .less, "_<=_": .lessOrEqual, "_>_": .greater, "_>=_": .greaterOrEqual,
    ]

    /// A field on one side, a constant on the other: the field, the constant, and whether the field is on the right.
    private func fieldAndConstant(
        _ left: ExpressionNode, _ right: ExpressionNode, _ checked: CheckedExpression
    ) -> (field: FieldDefinition, constant: Value, flipped: Bool)? {
        if let field = field(left, checked), !readsRecord(right, checked), let value = constant(right) { return (field, value, false) }
        if let field = field(right, checked), !readsRecord(left, checked), let value = constant(left) { return (field, value, true) }
        return nil
    }

    private func equality(_ left: ExpressionNode, _ right: ExpressionNode, _ checked: CheckedExpression) -> RecordCondition? {
        guard case (let field, let value, _)? = fieldAndConstant(left, right, checked) else { return nil }
        if case .null = value { return .equals(field.name.value, .null) }
        return stored(value, for: field).map { .equals(field.name.value, $0) }
    }

    private func ordering(
        _ comparison: RecordCondition.Comparison, _ left: ExpressionNode, _ right: ExpressionNode, _ checked: CheckedExpression
    ) -> RecordCondition? {
        guard case (let field, let value, let flipped)? = fieldAndConstant(left, right, checked), let bound = stored(value, for: field),
            bound != .null
        else { return nil }
        guard flipped else { return .compare(field.name.value, comparison, bound) }
        let mirrored: RecordCondition.Comparison =
            switch comparison {
            case .less: .greater
            case .lessOrEqual: .greaterOrEqual
            case .greater: .less
            case .greaterOrEqual: .lessOrEqual
            }
        return .compare(field.name.value, mirrored, bound)
    }

    private func membership(_ element: ExpressionNode, _ list: ExpressionNode, _ checked: CheckedExpression) -> RecordCondition? {
        guard let field = field(element, checked), !readsRecord(list, checked), case .list(let items)? = constant(list) else { return nil }
        var options: [ColumnValue] = []
        var includesNull = false
        for item in items {
            if case .null = item {
                includesNull = true
                continue
            }
            guard let option = stored(item, for: field) else { return nil }
            if !options.contains(option) { options.append(option) }
        }
        let name = field.name.value
        return includesNull ? .any([.equals(name, .null), .oneOf(name, options)]) : .oneOf(name, options)
    }

    private func textTest(_ function: String, _ text: ExpressionNode, _ argument: ExpressionNode, _ checked: CheckedExpression) -> RecordCondition? {
        guard let field = field(text, checked), StoreSchemaMapper.columnType(of: field).storesText, !readsRecord(argument, checked),
            case .string(let part)? = constant(argument), !part.utf8.contains(0)
        else { return nil }
        return function == "startsWith" ? .startsWith(field.name.value, part) : .contains(field.name.value, part)
    }

    private func field(_ node: ExpressionNode, _ checked: CheckedExpression) -> FieldDefinition? { checked.field(at: node, of: table) }

    private func readsRecord(_ node: ExpressionNode, _ checked: CheckedExpression) -> Bool { checked.readsRecord(node, of: table) }

    /// The value of a part that reads no field, or nil when its evaluation fails.
    private func constant(_ node: ExpressionNode) -> Value? {
        try? program.subprogram(node).evaluate(RecordActivation(names: [], fields: [:], context: context)).get()
    }
}

extension ColumnType {
    /// Whether the column holds text a filter may search: text and links, not dates or lists.
    fileprivate var storesText: Bool {
        switch self {
        case .text, .link: true
        default: false
        }
    }
}
