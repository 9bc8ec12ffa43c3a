extension CheckedExpression {
    /// The full name of the declared variable a name node resolved to, such as `sentiment` or
    /// `record`; nil for any other node, a loop variable included.
    public func variable(at node: ExpressionNode) -> String? {
        if case .variable(let name, _) = references[node.id] { return name }
        return nil
    }

    /// The record-typed variable and the field a node selects from it, as in `record.sentiment`;
    /// nil for any other node.
    public func recordField(at node: ExpressionNode) -> (record: String, field: String)? {
        guard recordSelects.contains(node.id), case .select(let operand, let field, false) = node.kind, let record = variable(at: operand) else {
            return nil
        }
        return (record, field)
    }
}
