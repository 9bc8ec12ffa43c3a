import FormwrightExpressions

/// Finds the part of a checked filter that a store cannot evaluate itself, by its shape alone.
///
/// A store evaluates `&&`, `||` and `!` over comparisons of a field (bare or as `record.field`)
/// with a part that reads no field — `==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, and `startsWith` and
/// `contains` on a text field — and a boolean field on its own; a multiple-choice field in none
/// of them. This is the shape the runtime's filter translator accepts; it may still refuse a
/// comparison for its value (an amount with more decimals than the field keeps), which only the
/// value can tell.
struct StoreFilterShape {
    let table: TableDefinition
    let checked: CheckedExpression

    /// The kinds of field whose text `startsWith` and `contains` search in the store.
    static let searchableFields: [FieldType] = [.text, .longtext, .email, .phone, .url, .choice, .link]

    /// The first part, in reading order, the store cannot evaluate; nil when it can evaluate all of it.
    func unsupportedPart() -> ExpressionNode? {
        unsupported(checked.root)
    }

    private func unsupported(_ node: ExpressionNode) -> ExpressionNode? {
        guard readsRecord(node) else { return nil }
        if let field = field(node) { return field.type == .boolean ? nil : node }
        guard case .call(let function, let target, let arguments) = node.kind else { return node }
        switch (function, target, arguments.count) {
        case ("_&&_", nil, _), ("_||_", nil, _):
            return arguments.lazy.compactMap(unsupported).first
        case ("!_", nil, 1):
            return unsupported(arguments[0])
        case ("_==_", nil, 2), ("_!=_", nil, 2), ("_<_", nil, 2), ("_<=_", nil, 2), ("_>_", nil, 2), ("_>=_", nil, 2):
            let pair = field(arguments[0]).map { ($0, arguments[1]) } ?? field(arguments[1]).map { ($0, arguments[0]) }
            guard let (field, other) = pair, field.type != .multichoice, !readsRecord(other) else { return node }
            return nil
        case ("@in", nil, 2):
            guard let field = field(arguments[0]), field.type != .multichoice, !readsRecord(arguments[1]) else { return node }
            return nil
        case ("startsWith", let text?, 1), ("contains", let text?, 1):
            guard let field = field(text), Self.searchableFields.contains(field.type), !readsRecord(arguments[0]) else { return node }
            return nil
        default:
            return node
        }
    }

    private func field(_ node: ExpressionNode) -> FieldDefinition? { checked.field(at: node, of: table) }

    private func readsRecord(_ node: ExpressionNode) -> Bool { checked.readsRecord(node, of: table) }
}
