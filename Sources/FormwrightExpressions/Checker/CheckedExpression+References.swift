extension CheckedExpression {
    /// The declared variables the expression reads, by full name.
    ///
    /// A field selected from a record-typed variable is listed as `variable.field` as well as
    /// `variable`, so a caller can tell which fields of `record` an expression depends on.
    public var referencedNames: Set<String> {
        var names: Set<String> = []
        var pending = [root]
        while let node = pending.popLast() {
            if case .variable(let name, _) = references[node.id] { names.insert(name) }
            switch node.kind {
            case .literal, .identifier:
                break
            case .select(let operand, let field, _):
                if recordSelects.contains(node.id), case .variable(let name, _) = references[operand.id] {
                    names.insert("\(name).\(field)")
                }
                pending.append(operand)
            case .call(_, let target, let arguments):
                if let target { pending.append(target) }
                pending.append(contentsOf: arguments)
            case .list(let elements):
                pending.append(contentsOf: elements)
            case .map(let entries):
                for entry in entries { pending.append(contentsOf: [entry.key, entry.value]) }
            case .comprehension(let comprehension):
                pending.append(comprehension.range)
                if let predicate = comprehension.predicate { pending.append(predicate) }
                if let transform = comprehension.transform { pending.append(transform) }
            }
        }
        return names
    }
}
