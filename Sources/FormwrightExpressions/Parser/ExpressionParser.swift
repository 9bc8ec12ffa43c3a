/// A recursive-descent parser for CEL that turns source text into an `ExpressionNode` tree.
///
/// Recursion is bounded: every nested expression and every node's height count against
/// `ExpressionLimits.maxNestingDepth`, so deep input ends in a diagnostic, never a stack overflow,
/// and the later passes, which walk the tree recursively, inherit the same bound.
public struct ExpressionParser {
    let tokens: [Token]
    let limits: ExpressionLimits
    var index = 0
    var nextID = 1
    var depth = 0
    var heights: [Int] = [0]

    init(tokens: [Token], limits: ExpressionLimits) {
        self.tokens = tokens
        self.limits = limits
    }

    /// Parses `source` into a tree, or reports the first syntax or size problem.
    public static func parse(_ source: String, limits: ExpressionLimits = .default) -> Result<ExpressionNode, ExpressionDiagnostic> {
        let length = source.unicodeScalars.count
        guard length <= limits.maxSourceLength else {
            return .failure(ExpressionDiagnostic(
                id: ExpressionDiagnostic.ID.tooComplex,
                message: "expression is \(length) characters long; the limit is \(limits.maxSourceLength)",
                range: 0..<length))
        }
        var lexer = Lexer(source)
        var parser = ExpressionParser(tokens: lexer.tokenize(), limits: limits)
        do throws(ParseFailure) {
            let node = try parser.parseExpression()
            let trailing = parser.current
            guard case .endOfInput = trailing.kind else {
                throw ParseFailure("unexpected \(trailing.display) after the expression", at: trailing.span)
            }
            return .success(node)
        } catch {
            return .failure(ExpressionDiagnostic(id: error.id, message: error.message, range: error.span))
        }
    }

    var current: Token { tokens[min(index, tokens.count - 1)] }

    func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let found) = current.kind { return found == symbol }
        return false
    }

    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func expect(_ symbol: String, _ context: String) throws(ParseFailure) -> Token {
        guard isSymbol(symbol) else {
            if case .invalid(let message) = current.kind { throw ParseFailure(message, at: current.span) }
            throw ParseFailure("expected '\(symbol)' \(context) but found \(current.display)", at: current.span)
        }
        return advance()
    }

    /// Creates a node, numbering it and enforcing the height limit.
    mutating func make(_ kind: ExpressionNode.Kind, _ span: Range<Int>, children: [ExpressionNode] = []) throws(ParseFailure) -> ExpressionNode {
        let height = 1 + children.reduce(0) { max($0, heights[$1.id]) }
        guard height <= limits.maxNestingDepth else {
            throw ParseFailure(
                "expression nests too deeply (more than \(limits.maxNestingDepth) levels)", at: span,
                id: ExpressionDiagnostic.ID.tooComplex)
        }
        let node = ExpressionNode(id: nextID, span: span, kind: kind)
        nextID += 1
        heights.append(height)
        return node
    }

    mutating func call(_ function: String, _ arguments: [ExpressionNode], span: Range<Int>) throws(ParseFailure) -> ExpressionNode {
        try make(.call(function: function, target: nil, arguments: arguments), span, children: arguments)
    }

    static func join(_ first: Range<Int>, _ last: Range<Int>) -> Range<Int> {
        min(first.lowerBound, last.lowerBound)..<max(first.upperBound, last.upperBound)
    }

    /// expr := or ('?' or ':' expr)?
    mutating func parseExpression() throws(ParseFailure) -> ExpressionNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= limits.maxNestingDepth else {
            throw ParseFailure(
                "expression nests too deeply (more than \(limits.maxNestingDepth) levels)", at: current.span,
                id: ExpressionDiagnostic.ID.tooComplex)
        }
        let condition = try parseLogical(operator: "||", function: "_||_")
        guard isSymbol("?") else { return condition }
        _ = advance()
        let whenTrue = try parseLogical(operator: "||", function: "_||_")
        _ = try expect(":", "in a conditional expression")
        let whenFalse = try parseExpression()
        return try call("_?_:_", [condition, whenTrue, whenFalse], span: Self.join(condition.span, whenFalse.span))
    }

    /// Chains of `||` or `&&`, built as balanced trees so long chains stay shallow.
    mutating func parseLogical(operator symbol: String, function: String) throws(ParseFailure) -> ExpressionNode {
        var operands: [ExpressionNode] = []
        repeat {
            if !operands.isEmpty { _ = advance() }
            operands.append(symbol == "||" ? try parseLogical(operator: "&&", function: "_&&_") : try parseRelation())
        } while isSymbol(symbol)
        return try balance(operands[...], function: function)
    }

    mutating func balance(_ operands: ArraySlice<ExpressionNode>, function: String) throws(ParseFailure) -> ExpressionNode {
        if operands.count == 1, let only = operands.first { return only }
        let middle = operands.startIndex + operands.count / 2
        let left = try balance(operands[operands.startIndex..<middle], function: function)
        let right = try balance(operands[middle...], function: function)
        return try call(function, [left, right], span: Self.join(left.span, right.span))
    }

    static let relations: [String: String] = [
        "<": "_<_", "<=": "_<=_", ">": "_>_", ">=": "_>=_", "==": "_==_", "!=": "_!=_",
    ]

    mutating func parseRelation() throws(ParseFailure) -> ExpressionNode {
        var left = try parseAddition()
        while true {
            let function: String
            if case .symbol(let symbol) = current.kind, let name = Self.relations[symbol] {
                function = name
            } else if case .keyword("in") = current.kind {
                function = "@in"
            } else {
                return left
            }
            _ = advance()
            let right = try parseAddition()
            left = try call(function, [left, right], span: Self.join(left.span, right.span))
        }
    }

    mutating func parseAddition() throws(ParseFailure) -> ExpressionNode {
        var left = try parseMultiplication()
        while isSymbol("+") || isSymbol("-") {
            let function = isSymbol("+") ? "_+_" : "_-_"
            _ = advance()
            let right = try parseMultiplication()
            left = try call(function, [left, right], span: Self.join(left.span, right.span))
        }
        return left
    }

    mutating func parseMultiplication() throws(ParseFailure) -> ExpressionNode {
        var left = try parseUnary()
        while isSymbol("*") || isSymbol("/") || isSymbol("%") {
            let function = isSymbol("*") ? "_*_" : isSymbol("/") ? "_/_" : "_%_"
            _ = advance()
            let right = try parseUnary()
            left = try call(function, [left, right], span: Self.join(left.span, right.span))
        }
        return left
    }

    /// unary := ('!' | '-')* member, folding a minus into the number literal right after it.
    mutating func parseUnary() throws(ParseFailure) -> ExpressionNode {
        var operators: [Token] = []
        while isSymbol("!") || isSymbol("-") { operators.append(advance()) }
        let operandToken = current
        var operand: ExpressionNode
        if let last = operators.last, case .symbol("-") = last.kind, let negated = try negativeLiteral(after: last) {
            operators.removeLast()
            operand = try parseMemberSuffixes(negated)
        } else {
            if case .intMagnitude = operandToken.kind {
                throw ParseFailure("integer literal out of range", at: operandToken.span)
            }
            operand = try parseMember()
        }
        for token in operators.reversed() {
            let function = token.kind == .symbol("!") ? "!_" : "-_"
            operand = try call(function, [operand], span: Self.join(token.span, operand.span))
        }
        return operand
    }

    /// A negative number literal when a number token follows the minus sign directly.
    mutating func negativeLiteral(after minus: Token) throws(ParseFailure) -> ExpressionNode? {
        let token = current
        let span = Self.join(minus.span, token.span)
        let literal: ExpressionNode.Literal
        switch token.kind {
        case .int(let value): literal = .int(-value)
        case .intMagnitude(let magnitude):
            guard magnitude == UInt64(Int64.max) + 1 else { throw ParseFailure("integer literal out of range", at: span) }
            literal = .int(Int64.min)
        case .double(let value): literal = .double(-value)
        default: return nil
        }
        _ = advance()
        return try make(.literal(literal), span)
    }
}
