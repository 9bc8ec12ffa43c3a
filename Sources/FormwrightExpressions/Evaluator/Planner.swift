import FormwrightCore

/// Turns a (possibly checked) tree into interpretable nodes, resolving names and binding overloads ahead of time.
struct Planner {
    let container: String
    let checked: CheckedExpression?
    let functions: [String: FunctionDeclaration]
    /// Variables whose values are known now; a reference to one is planned as a constant.
    let constants: [String: Value]
    var scopes: [String: Int] = [:]
    var slotCount = 0

    init(container: String, checked: CheckedExpression?, functions: [String: FunctionDeclaration], constants: [String: Value] = [:]) {
        self.container = container
        self.checked = checked
        self.functions = functions
        self.constants = constants
    }

    func candidateNames(_ name: String) -> [String] { Declarations.candidateNames(name, container: container) }

    mutating func plan(_ node: ExpressionNode) -> any Interpretable {
        if let reference = checked?.references[node.id] {
            switch reference {
            case .variable(let name, let nullable):
                if let constant = constants[name] { return ConstantNode(.value(constant)) }
                return VariableNode(candidates: [name], fallbackType: nil, absentIsNull: nullable, span: node.span)
            case .typeName(let name):
                return ConstantNode(.type(name))
            }
        }
        switch node.kind {
        case .literal(let literal): return ConstantNode(.value(Self.value(of: literal)))
        case .identifier(let name):
            if !name.hasPrefix("."), let slot = scopes[name] { return LocalNode(slot: slot) }
            let bare = name.hasPrefix(".") ? String(name.dropFirst()) : name
            let fallback = StandardLibrary.typeDenotations[bare].map(\.runtimeName)
            return VariableNode(candidates: candidateNames(name), fallbackType: fallback, absentIsNull: false, span: node.span)
        case .select(let operand, let field, let testOnly):
            if checked == nil, let qualified = qualifiedParts(node) {
                return planQualified(qualified, testOnly: testOnly, span: node.span)
            }
            let missingIsNull = checked?.recordSelects.contains(node.id) ?? false
            return SelectNode(operand: plan(operand), field: field, testOnly: testOnly, missingIsNull: missingIsNull, span: node.span)
        case .call(let function, let target, let arguments):
            return planCall(node, function: function, target: target, arguments: arguments)
        case .list(let elements):
            let planned = elements.map { plan($0) }
            // A literal list of constants is built once, not on every evaluation.
            let constants = planned.compactMap { ($0 as? ConstantNode).flatMap { node -> Value? in
                if case .value(let value) = node.value { return value }
                return nil
            } }
            if constants.count == planned.count { return ConstantNode(.value(.list(constants))) }
            return ListNode(elements: planned)
        case .map(let entries):
            let planned = entries.map { (key: plan($0.key), value: plan($0.value), span: $0.key.span) }
            if let constant = Self.constantMap(planned) { return ConstantNode(.value(.map(constant))) }
            return MapNode(entries: planned)
        case .comprehension(let comprehension):
            let range = plan(comprehension.range)
            let slot = slotCount
            slotCount += 1
            let shadowed = scopes[comprehension.variable]
            scopes[comprehension.variable] = slot
            let predicate = comprehension.predicate.map { plan($0) }
            let transform = comprehension.transform.map { plan($0) }
            scopes[comprehension.variable] = shadowed
            return ComprehensionNode(
                macro: comprehension.macro, range: range, slot: slot, predicate: predicate, transform: transform, span: node.span)
        }
    }

    /// The dotted parts of `a.b.c` when its root is a global name (not a loop variable).
    func qualifiedParts(_ node: ExpressionNode) -> [String]? {
        switch node.kind {
        case .identifier(let name):
            if !name.hasPrefix("."), scopes[name] != nil { return nil }
            return [name]
        case .select(let operand, let field, _):
            if case .select(_, _, true) = operand.kind { return nil }
            return qualifiedParts(operand).map { $0 + [field] }
        default:
            return nil
        }
    }

    func planQualified(_ parts: [String], testOnly: Bool, span: Range<Int>) -> any Interpretable {
        var candidates: [(name: String, fields: [String])] = []
        let first = parts[0]
        for base in candidateNames(first) {
            // `base` is the qualified form of the first part; extend it by more parts, longest first.
            for length in stride(from: parts.count, through: 1, by: -1) {
                let name = ([base] + parts[1..<length]).joined(separator: ".")
                candidates.append((name, Array(parts[length...])))
            }
        }
        let whole = parts.joined(separator: ".")
        let bare = whole.hasPrefix(".") ? String(whole.dropFirst()) : whole
        let fallback = testOnly ? nil : StandardLibrary.typeDenotations[bare].map(\.runtimeName)
        return QualifiedNode(candidates: candidates, fallbackType: fallback, testOnly: testOnly, span: span)
    }

    mutating func planCall(_ node: ExpressionNode, function: String, target: ExpressionNode?, arguments: [ExpressionNode]) -> any Interpretable {
        let planned = (target.map { [$0] } ?? []) + arguments
        let operands = planned.map { plan($0) }
        switch (function, operands.count) {
        case ("_&&_", 2), ("_||_", 2):
            return LogicalNode(isAnd: function == "_&&_", first: operands[0], second: operands[1], span: node.span)
        case ("_?_:_", 3):
            return ConditionalNode(condition: operands[0], whenTrue: operands[1], whenFalse: operands[2], span: node.span)
        default:
            break
        }
        if function == "matches", operands.count == 2, case .literal(.string(let pattern))? = planned.last?.kind,
            let regex = try? LinearRegex(pattern)
        {
            return MatchesNode(regex: regex, text: operands[0], span: node.span)
        }
        if ["timestamp", "duration"].contains(function), target == nil, operands.count == 1, let constant = operands[0] as? ConstantNode,
            let declaration = functions[function], let (value, _) = try? declaration.dispatch([constant.value], member: false)
        {
            // A literal timestamp or duration is parsed once; one that fails still fails when evaluated.
            return ConstantNode(value)
        }
        if let overload = checked?.overloads[node.id] {
            switch (overload.implementation, operands.count) {
            case (.unary(let body), 1) where !overload.grows:
                return UnaryCallNode(body: body, argument: operands[0], span: node.span)
            case (.binary(let body), 2):
                return BinaryCallNode(body: body, first: operands[0], second: operands[1], grows: overload.grows, span: node.span)
            default:
                break
            }
        }
        guard let declaration = functions[function] else {
            return ErrorNode(EvaluationError("no function named '\(function)'", range: node.span))
        }
        return DynamicCallNode(function: declaration, member: target != nil, arguments: operands, span: node.span)
    }

    /// The map a literal of constant, valid, distinct keys and constant values denotes; nil otherwise.
    static func constantMap(_ entries: [(key: any Interpretable, value: any Interpretable, span: Range<Int>)]) -> ValueMap? {
        var map = ValueMap()
        for entry in entries {
            guard case .value(let key)? = (entry.key as? ConstantNode)?.value, case .value(let value)? = (entry.value as? ConstantNode)?.value,
                ValueSemantics.isValidKey(key), ValueSemantics.lookup(map, key) == nil
            else { return nil }
            map[key] = value
        }
        return map
    }

    static func value(of literal: ExpressionNode.Literal) -> Value {
        switch literal {
        case .null: .null
        case .bool(let value): .bool(value)
        case .int(let value): .int(value)
        case .uint(let value): .uint(value)
        case .double(let value): .double(value)
        case .string(let value): .string(value)
        case .bytes(let value): .bytes(value)
        }
    }
}
