import FormwrightCore
import FormwrightExpressions

extension ExpressionChecker {
    /// Text compared with a choice field that is not one of its options: `channel == 'emial'`
    /// type-checks but can never hold, so it is almost surely a typo.
    static func unknownOptions(in program: Program, options fieldOptions: [String: [String]]) -> [(Range<Int>, String)] {
        guard !fieldOptions.isEmpty, let root = program.checked?.root else { return [] }
        var found: [(Range<Int>, String)] = []
        var pending = [root]
        while let node = pending.popLast() {
            switch node.kind {
            case .literal, .identifier:
                break
            case .select(let operand, _, _):
                pending.append(operand)
            case .call(let function, let target, let arguments):
                if let target { pending.append(target) }
                pending.append(contentsOf: arguments)
                guard arguments.count == 2, ["_==_", "_!=_", "@in"].contains(function) else { continue }
                for (literalSide, fieldSide) in [(arguments[0], arguments[1]), (arguments[1], arguments[0])] {
                    guard let field = fieldName(fieldSide), let options = fieldOptions[field] else { continue }
                    var literals: [ExpressionNode] = [literalSide]
                    if function == "@in", case .list(let elements) = literalSide.kind { literals = elements }
                    for literal in literals {
                        guard case .literal(.string(let text)) = literal.kind, !options.contains(text) else { continue }
                        let hint = NameSuggester.hint(for: text, among: options)
                        found.append(
                            (
                                literal.span,
                                "'\(text)' is not an option of '\(field)' (\(options.joined(separator: ", "))), so this never matches\(hint)"
                            ))
                    }
                }
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
        return found.sorted { $0.0.lowerBound < $1.0.lowerBound }
    }

    /// The field a node names: `channel` or `record.channel`.
    private static func fieldName(_ node: ExpressionNode) -> String? {
        switch node.kind {
        case .identifier(let name): return name
        case .select(let operand, let field, false):
            if case .identifier("record") = operand.kind { return field }
            return nil
        default: return nil
        }
    }
}
