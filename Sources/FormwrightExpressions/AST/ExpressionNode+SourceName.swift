extension ExpressionNode {
    /// The dotted name the node spells, if it is a name or a field selection on one.
    var sourceName: String? {
        switch kind {
        case .identifier(let name): name
        case .select(let operand, let field, false): operand.sourceName.map { "\($0).\(field)" }
        default: nil
        }
    }
}
