public import FormwrightExpressions

extension CheckedExpression {
    /// The field of `table` a node names, bare (`amount`) or as `record.amount`.
    public func field(at node: ExpressionNode, of table: TableDefinition) -> FieldDefinition? {
        if let name = variable(at: node) { return table.field(named: name) }
        if case (let record, let name)? = recordField(at: node), record == "record" { return table.field(named: name) }
        return nil
    }

    /// Whether any part of the node reads a field of `table`, by name or through `record`.
    public func readsRecord(_ node: ExpressionNode, of table: TableDefinition) -> Bool {
        var pending = [node]
        while let next = pending.popLast() {
            if let name = variable(at: next), name == "record" || table.field(named: name) != nil { return true }
            switch next.kind {
            case .literal, .identifier: break
            case .select(let operand, _, _): pending.append(operand)
            case .call(_, let target, let arguments):
                if let target { pending.append(target) }
                pending.append(contentsOf: arguments)
            case .list(let elements): pending.append(contentsOf: elements)
            case .map(let entries): pending.append(contentsOf: entries.flatMap { [$0.key, $0.value] })
            case .comprehension(let loop):
                pending.append(loop.range)
                if let predicate = loop.predicate { pending.append(predicate) }
                if let transform = loop.transform { pending.append(transform) }
            }
        }
        return false
    }
}
