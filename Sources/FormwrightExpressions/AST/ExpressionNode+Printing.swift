import FormwrightCore

extension ExpressionNode {
    /// A compact, unambiguous rendering of the tree, for golden tests and debugging.
    ///
    /// Calls print as `name(args)` with operators under their function names (`_+_(a, 1)`), member
    /// calls as `target.name(args)`, macros as `macro(range, variable, predicate, transform)`. With
    /// `types`, every node is followed by `~type`.
    public func printed(types: [Int: ExpressionType]? = nil) -> String {
        let body: String
        switch kind {
        case .literal(let literal): body = Self.printed(literal)
        case .identifier(let name): body = name
        case .select(let operand, let field, let testOnly):
            let selection = "\(operand.printed(types: types)).\(field)"
            body = testOnly ? "has(\(selection))" : selection
        case .call(let function, let target, let arguments):
            let list = arguments.map { $0.printed(types: types) }.joined(separator: ", ")
            body = target.map { "\($0.printed(types: types)).\(function)(\(list))" } ?? "\(function)(\(list))"
        case .list(let elements):
            body = "[" + elements.map { $0.printed(types: types) }.joined(separator: ", ") + "]"
        case .map(let entries):
            body = "{" + entries.map { "\($0.key.printed(types: types)): \($0.value.printed(types: types))" }.joined(separator: ", ") + "}"
        case .comprehension(let comprehension):
            var parts = [comprehension.range.printed(types: types), comprehension.variable]
            if let predicate = comprehension.predicate { parts.append(predicate.printed(types: types)) }
            if let transform = comprehension.transform { parts.append(transform.printed(types: types)) }
            body = "\(comprehension.macro.rawValue)(" + parts.joined(separator: ", ") + ")"
        }
        guard let types else { return body }
        return body + "~" + (types[id].map(\.description) ?? "?")
    }

    static func printed(_ literal: Literal) -> String {
        switch literal {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .uint(let value): "\(value)u"
        case .double(let value): "\(value)"
        case .string(let value): JSONText.quote(value)
        case .bytes(let value): "b\"" + value.map { byte in byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C
                ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16) }.joined() + "\""
        }
    }
}
