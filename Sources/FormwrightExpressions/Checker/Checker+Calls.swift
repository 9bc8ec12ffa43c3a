import FormwrightCore

extension Checker {
    mutating func inferCall(_ node: ExpressionNode, function: String, target: ExpressionNode?, arguments: [ExpressionNode]) -> ExpressionType {
        let operands = (target.map { [$0] } ?? []) + arguments
        switch (function, operands.count) {
        case ("_&&_", 2), ("_||_", 2):
            expect(.bool, infer(operands[0]), at: operands[0].span)
            let facts = Self.nonNullFacts(operands[0], whenTrue: function == "_&&_")
            expect(.bool, inferNarrowed(operands[1], by: facts), at: operands[1].span)
            return .bool
        case ("_?_:_", 3):
            expect(.bool, infer(operands[0]), at: operands[0].span)
            let types = [
                ExpressionType.bool,
                inferNarrowed(operands[1], by: Self.nonNullFacts(operands[0], whenTrue: true)),
                inferNarrowed(operands[2], by: Self.nonNullFacts(operands[0], whenTrue: false)),
            ]
            if let joined = TypeRelations.join(types[1], types[2]) { return joined }
            report(
                ExpressionDiagnostic.ID.typeMismatch,
                "the branches of '?:' have different types, '\(types[1])' and '\(types[2])'", node.span)
            return .error
        default:
            break
        }
        let types = operands.map { infer($0) }
        if function == "matches", let pattern = operands.last, case .literal(.string(let text)) = pattern.kind {
            do {
                _ = try LinearRegex(text)
            } catch {
                report(ExpressionDiagnostic.ID.invalidPattern, "invalid regular expression: \(error.message)", pattern.span)
            }
        }
        guard let declaration = functions[function] else {
            let names = functions.keys.filter { !$0.contains("_") && !$0.hasPrefix("@") }.sorted()
            report(
                ExpressionDiagnostic.ID.undeclaredReference,
                "undeclared reference to function '\(function)'" + NameSuggester.hint(for: function, among: names), node.span)
            return .error
        }
        if types.contains(.error) { return .error }
        var matches: [(Overload, ExpressionType)] = []
        for overload in declaration.overloads where overload.isMember == (target != nil) && overload.parameters.count == types.count {
            var relations = TypeRelations()
            if zip(overload.parameters, types).allSatisfy({ relations.accepts($0, $1) }) {
                matches.append((overload, relations.substitute(overload.result)))
            }
        }
        guard let first = matches.first else {
            let shown = types.map { "'\($0)'" }.joined(separator: ", ")
            report(
                ExpressionDiagnostic.ID.noMatchingOverload,
                "no matching overload for '\(OperatorNames.display(function))' applied to (\(shown))", node.span)
            return .error
        }
        if matches.count == 1 { result.overloads[node.id] = first.0 }
        warnAboutNullable(node, function: function, operands: operands, types: types)
        if matches.dropFirst().allSatisfy({ $0.1 == first.1 }) { return first.1 }
        return .dyn
    }

    /// Infers a node's type while treating `facts` as non-null.
    mutating func inferNarrowed(_ node: ExpressionNode, by facts: [String]) -> ExpressionType {
        for fact in facts { narrowed[fact, default: 0] += 1 }
        defer { for fact in facts { narrowed[fact, default: 1] -= 1 } }
        return infer(node)
    }

    /// The names a condition proves non-null when it evaluates to `whenTrue`.
    static func nonNullFacts(_ node: ExpressionNode, whenTrue: Bool) -> [String] {
        guard case .call(let function, nil, let arguments) = node.kind else { return [] }
        switch (function, arguments.count) {
        case ("_!=_", 2) where whenTrue, ("_==_", 2) where !whenTrue:
            if case .literal(.null) = arguments[1].kind, let name = arguments[0].sourceName { return [name] }
            if case .literal(.null) = arguments[0].kind, let name = arguments[1].sourceName { return [name] }
            return []
        case ("_&&_", 2) where whenTrue, ("_||_", 2) where !whenTrue:
            return nonNullFacts(arguments[0], whenTrue: whenTrue) + nonNullFacts(arguments[1], whenTrue: whenTrue)
        case ("!_", 1):
            return nonNullFacts(arguments[0], whenTrue: !whenTrue)
        default:
            return []
        }
    }

    /// Reports an error unless `found` can stand where `expected` is required.
    mutating func expect(_ expected: ExpressionType, _ found: ExpressionType, at span: Range<Int>) {
        var relations = TypeRelations()
        guard !relations.accepts(expected, found) else { return }
        report(ExpressionDiagnostic.ID.typeMismatch, "expected '\(expected)' but found '\(found)'", span)
    }

    mutating func inferComprehension(_ comprehension: ExpressionNode.Comprehension, node: ExpressionNode) -> ExpressionType {
        let rangeType = infer(comprehension.range)
        let variableType: ExpressionType
        switch rangeType.nonNull {
        case .list(let element): variableType = element
        case .map(let key, _): variableType = key
        case .record: variableType = .string
        case .dyn, .error, .parameter: variableType = .dyn
        default:
            report(
                ExpressionDiagnostic.ID.typeMismatch, "\(comprehension.macro.rawValue)() cannot iterate over '\(rangeType)'",
                comprehension.range.span)
            variableType = .error
        }
        locals.append((comprehension.variable, variableType))
        defer { locals.removeLast() }
        if let predicate = comprehension.predicate {
            expect(.bool, infer(predicate), at: predicate.span)
        }
        switch comprehension.macro {
        case .all, .exists, .existsOne: return .bool
        case .filter: return .list(variableType)
        case .map:
            guard let transform = comprehension.transform else { return .list(.dyn) }
            return .list(infer(transform))
        }
    }

    /// Warns where a nullable value reaches an operator or function that fails on null.
    mutating func warnAboutNullable(_ node: ExpressionNode, function: String, operands: [ExpressionNode], types: [ExpressionType]) {
        guard !["_==_", "_!=_", "dyn", "type", "@in"].contains(function) else { return }
        for (operand, type) in zip(operands, types) {
            guard case .nullable = type else { continue }
            report(
                ExpressionDiagnostic.ID.nullableUse,
                "'\(operand.sourceName ?? "value")' may be null here; test it with '== null' first", operand.span,
                severity: .warning)
        }
    }
}
