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
                "no matching overload for '\(OperatorNames.display(function))' applied to (\(shown))"
                    + Self.mixingHint(function, types.map(\.nonNull)), node.span)
            return .error
        }
        if matches.count == 1 { result.overloads[node.id] = first.0 }
        warnAboutNullable(node, function: function, operands: operands, types: types, result: first.1)
        if matches.dropFirst().allSatisfy({ $0.1 == first.1 }) { return first.1 }
        return .dyn
    }

    /// A hint for operators applied to a mix of numbers and text, or of whole and decimal numbers.
    static func mixingHint(_ function: String, _ types: [ExpressionType]) -> String {
        guard function.hasPrefix("_"), types.count == 2 else { return "" }
        let numbers: Set<ExpressionType> = [.int, .uint, .double]
        if types.contains(.string), types.contains(where: numbers.contains) {
            return "; text and numbers do not compare: write text in quotes (such as 'phone'), or convert with string(…) or int(…)"
        }
        if types.contains(.double), types.contains(where: { $0 == .int || $0 == .uint }) {
            return "; whole and decimal numbers do not mix: write a decimal point in literals (2.0), or convert with double(…) or int(…)"
        }
        return ""
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

    /// Warns where a nullable value reaches an operator or function that fails on null, showing how to guard it.
    mutating func warnAboutNullable(
        _ node: ExpressionNode, function: String, operands: [ExpressionNode], types: [ExpressionType], result: ExpressionType
    ) {
        guard !["_==_", "_!=_", "dyn", "type", "@in"].contains(function) else { return }
        for (operand, type) in zip(operands, types) {
            guard case .nullable = type else { continue }
            guard let name = operand.sourceName else {
                report(
                    ExpressionDiagnostic.ID.nullableUse, "this value may be null here; test it with '== null' first", operand.span,
                    severity: .warning)
                continue
            }
            let call = text(node.span)
            let guarded: String
            if call.isEmpty {
                guarded = "test it with '\(name) != null' first"
            } else if result.nonNull == .bool {
                guarded = "write '\(name) != null && \(call)'"
            } else {
                guarded = "test it first, as in '\(name) == null ? … : \(call)'"
            }
            report(
                ExpressionDiagnostic.ID.nullableUse, "'\(name)' may be empty (null) here, and then the expression fails; \(guarded)",
                operand.span, severity: .warning)
        }
    }

    /// The source text a span covers, or empty when the checker was not given the source.
    func text(_ span: Range<Int>) -> String {
        guard span.lowerBound >= 0, span.upperBound <= source.count, !span.isEmpty else { return "" }
        return String(String.UnicodeScalarView(source[span]))
    }
}
