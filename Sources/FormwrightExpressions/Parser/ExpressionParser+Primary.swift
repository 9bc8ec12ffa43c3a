extension ExpressionParser {
    /// member := primary ('.' name ('(' args ')')? | '[' expr ']')*
    mutating func parseMember() throws(ParseFailure) -> ExpressionNode {
        try parseMemberSuffixes(try parsePrimary())
    }

    mutating func parseMemberSuffixes(_ start: ExpressionNode) throws(ParseFailure) -> ExpressionNode {
        var node = start
        while true {
            if isSymbol(".") {
                _ = advance()
                let nameToken = advance()
                let name: String
                var quoted = false
                switch nameToken.kind {
                case .identifier(let word), .reserved(let word), .keyword(let word): name = word
                case .quotedIdentifier(let word):
                    name = word
                    quoted = true
                case .invalid(let message): throw ParseFailure(message, at: nameToken.span)
                default: throw ParseFailure("expected a field name after '.' but found \(nameToken.display)", at: nameToken.span)
                }
                if isSymbol("("), !quoted {
                    _ = advance()
                    let (arguments, close) = try parseArguments(closing: ")")
                    node = try memberCall(target: node, name: name, arguments: arguments, span: Self.join(node.span, close.span))
                } else if isSymbol("{") {
                    throw ParseFailure("message construction is not supported", at: current.span)
                } else {
                    node = try make(.select(operand: node, field: name, testOnly: false), Self.join(node.span, nameToken.span), children: [node])
                }
            } else if isSymbol("[") {
                _ = advance()
                let key = try parseExpression()
                let close = try expect("]", "after an index")
                node = try call("_[_]", [node, key], span: Self.join(node.span, close.span))
            } else {
                return node
            }
        }
    }

    mutating func parsePrimary() throws(ParseFailure) -> ExpressionNode {
        let token = advance()
        switch token.kind {
        case .int(let value): return try make(.literal(.int(value)), token.span)
        case .uint(let value): return try make(.literal(.uint(value)), token.span)
        case .double(let value): return try make(.literal(.double(value)), token.span)
        case .string(let value): return try make(.literal(.string(value)), token.span)
        case .bytes(let value): return try make(.literal(.bytes(value)), token.span)
        case .keyword("true"): return try make(.literal(.bool(true)), token.span)
        case .keyword("false"): return try make(.literal(.bool(false)), token.span)
        case .keyword("null"): return try make(.literal(.null), token.span)
        case .intMagnitude: throw ParseFailure("integer literal out of range", at: token.span)
        case .identifier(let name): return try parseNamed(name, span: token.span)
        case .reserved(let word): throw ParseFailure("'\(word)' is a reserved word and cannot be used as a name", at: token.span)
        case .invalid(let message): throw ParseFailure(message, at: token.span)
        case .endOfInput: throw ParseFailure("unexpected end of input", at: token.span)
        case .symbol("."):
            let nameToken = advance()
            guard case .identifier(let name) = nameToken.kind else {
                throw ParseFailure("expected a name after a leading '.' but found \(nameToken.display)", at: nameToken.span)
            }
            return try parseNamed("." + name, span: Self.join(token.span, nameToken.span))
        case .symbol("("):
            let inner = try parseExpression()
            _ = try expect(")", "to close '('")
            return inner
        case .symbol("["):
            let (elements, close) = try parseArguments(closing: "]", allowTrailingComma: true)
            return try make(.list(elements), Self.join(token.span, close.span), children: elements)
        case .symbol("{"):
            return try parseMap(open: token)
        default:
            throw ParseFailure("unexpected \(token.display)", at: token.span)
        }
    }

    /// An identifier, or a global call when a parenthesis follows.
    mutating func parseNamed(_ name: String, span: Range<Int>) throws(ParseFailure) -> ExpressionNode {
        if isSymbol("{") {
            throw ParseFailure("message construction is not supported", at: current.span)
        }
        guard isSymbol("(") else { return try make(.identifier(name), span) }
        _ = advance()
        let (arguments, close) = try parseArguments(closing: ")")
        let callSpan = Self.join(span, close.span)
        if name == "has" {
            guard arguments.count == 1, let argument = arguments.first,
                case .select(let operand, let field, _) = argument.kind
            else {
                throw ParseFailure("has() takes one field selection, as in has(record.field)", at: callSpan)
            }
            return try make(.select(operand: operand, field: field, testOnly: true), callSpan, children: [operand])
        }
        return try make(.call(function: name, target: nil, arguments: arguments), callSpan, children: arguments)
    }

    /// Comma-separated expressions up to `closing`; returns them with the closing token.
    mutating func parseArguments(closing: String, allowTrailingComma: Bool = false) throws(ParseFailure) -> ([ExpressionNode], Token) {
        var elements: [ExpressionNode] = []
        while !isSymbol(closing) {
            elements.append(try parseExpression())
            guard isSymbol(",") else { break }
            _ = advance()
            if isSymbol(closing), !allowTrailingComma {
                throw ParseFailure("unexpected ',' before '\(closing)'", at: current.span)
            }
        }
        let close = try expect(closing, "to close the list")
        return (elements, close)
    }

    mutating func parseMap(open: Token) throws(ParseFailure) -> ExpressionNode {
        var entries: [ExpressionNode.MapEntry] = []
        var children: [ExpressionNode] = []
        while !isSymbol("}") {
            let key = try parseExpression()
            _ = try expect(":", "between a map key and its value")
            let value = try parseExpression()
            entries.append(ExpressionNode.MapEntry(key: key, value: value))
            children.append(key)
            children.append(value)
            guard isSymbol(",") else { break }
            _ = advance()
        }
        let close = try expect("}", "to close the map")
        return try make(.map(entries), Self.join(open.span, close.span), children: children)
    }

    /// A member call, expanding the comprehension macros.
    mutating func memberCall(
        target: ExpressionNode, name: String, arguments: [ExpressionNode], span: Range<Int>
    ) throws(ParseFailure) -> ExpressionNode {
        let macro: ExpressionNode.Macro? =
            switch (name, arguments.count) {
            case ("all", 2): .all
            case ("exists", 2): .exists
            case ("exists_one", 2): .existsOne
            case ("map", 2), ("map", 3): .map
            case ("filter", 2): .filter
            default: nil
            }
        guard let macro, let first = arguments.first else {
            return try make(.call(function: name, target: target, arguments: arguments), span, children: [target] + arguments)
        }
        guard case .identifier(let variable) = first.kind, !variable.hasPrefix(".") else {
            throw ParseFailure("the first argument of \(name)() must be a simple name", at: first.span)
        }
        let rest = Array(arguments.dropFirst())
        let predicate: ExpressionNode?
        let transform: ExpressionNode?
        switch macro {
        case .map:
            predicate = rest.count == 2 ? rest.first : nil
            transform = rest.last
        default:
            predicate = rest.first
            transform = nil
        }
        let comprehension = ExpressionNode.Comprehension(
            macro: macro, range: target, variable: variable, predicate: predicate, transform: transform)
        return try make(.comprehension(comprehension), span, children: [target] + rest)
    }
}
