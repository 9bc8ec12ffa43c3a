import FormwrightCore

/// Infers the type of every node, resolves names and overloads, and reports every problem it finds.
struct Checker {
    let declarations: Declarations
    let limits: ExpressionLimits
    let functions: [String: FunctionDeclaration]
    var diagnostics: [ExpressionDiagnostic] = []
    var result: CheckedExpression
    /// Loop variables in scope, innermost last.
    var locals: [(name: String, type: ExpressionType)] = []
    /// Names known to be non-null where the checker currently is (after `x != null &&`, in `x == null ? … : here`).
    var narrowed: [String: Int] = [:]
    /// The expression's text as scalars, for messages that quote it; empty when unknown.
    var source: [Unicode.Scalar] = []

    init(declarations: Declarations, limits: ExpressionLimits, functions: [String: FunctionDeclaration] = StandardLibrary.functions) {
        self.declarations = declarations
        self.limits = limits
        self.functions = functions
        self.result = CheckedExpression(root: ExpressionNode(id: 0, span: 0..<0, kind: .literal(.null)))
    }

    /// The element type of an empty literal, open until something else decides it; dyn if nothing does.
    static let unknown = ExpressionType.parameter("_")

    mutating func check(_ root: ExpressionNode) -> CheckedExpression {
        result = CheckedExpression(root: root)
        _ = infer(root)
        for (id, type) in result.types where type.containsParameter { result.types[id] = type.closingParameters }
        return result
    }

    mutating func report(_ id: String, _ message: String, _ span: Range<Int>, severity: Severity = .error) {
        diagnostics.append(ExpressionDiagnostic(id: id, severity: severity, message: message, range: span))
    }

    @discardableResult
    mutating func infer(_ node: ExpressionNode) -> ExpressionType {
        var type = inferUncached(node)
        if case .nullable(let wrapped) = type, let name = node.sourceName, narrowed[name, default: 0] > 0 { type = wrapped }
        result.types[node.id] = type
        return type
    }

    mutating func inferUncached(_ node: ExpressionNode) -> ExpressionType {
        switch node.kind {
        case .literal(let literal):
            switch literal {
            case .null: return .null
            case .bool: return .bool
            case .int: return .int
            case .uint: return .uint
            case .double: return .double
            case .string: return .string
            case .bytes: return .bytes
            }
        case .identifier(let name):
            if !name.hasPrefix("."), let local = locals.last(where: { $0.name == name }) { return local.type }
            if let resolved = resolve(name, node: node) { return resolved }
            let bare = name.hasPrefix(".") ? String(name.dropFirst()) : name
            let known = Array(declarations.variables.keys) + locals.map(\.name)
            report(
                ExpressionDiagnostic.ID.undeclaredReference,
                "undeclared reference to '\(bare)'" + NameSuggester.hint(for: bare, among: known.sorted()), node.span)
            return .error
        case .select(let operand, let field, let testOnly):
            if !testOnly, let parts = qualifiedParts(node), let resolved = resolve(parts.joined(separator: "."), node: node) {
                return resolved
            }
            let operandType = infer(operand)
            let fieldType = selectField(field, of: operandType, node: node)
            return testOnly ? .bool : fieldType
        case .call(let function, let target, let arguments):
            return inferCall(node, function: function, target: target, arguments: arguments)
        case .list(let elements):
            var elementType: ExpressionType?
            for element in elements {
                let type = infer(element)
                elementType = elementType.map { TypeRelations.join($0, type) ?? .dyn } ?? type
            }
            // An empty list's element type is still open: joining with other elements decides it.
            return .list(elementType ?? Self.unknown)
        case .map(let entries):
            var keyType: ExpressionType?
            var valueType: ExpressionType?
            for entry in entries {
                let key = infer(entry.key)
                switch key.nonNull {
                case .int, .uint, .bool, .string, .dyn, .error: break
                default:
                    report(ExpressionDiagnostic.ID.typeMismatch, "unsupported map key type '\(key)'", entry.key.span)
                }
                let value = infer(entry.value)
                keyType = keyType.map { TypeRelations.join($0, key) ?? .dyn } ?? key
                valueType = valueType.map { TypeRelations.join($0, value) ?? .dyn } ?? value
            }
            return .map(key: keyType ?? Self.unknown, value: valueType ?? Self.unknown)
        case .comprehension(let comprehension):
            return inferComprehension(comprehension, node: node)
        }
    }

    /// Resolves a (possibly dotted) name to a declared variable or a type denotation, recording the reference.
    mutating func resolve(_ name: String, node: ExpressionNode) -> ExpressionType? {
        for candidate in Declarations.candidateNames(name, container: declarations.container) {
            if let variable = declarations.variables[candidate] {
                let nullable = variable.type.acceptsNull && variable.type != .dyn
                result.references[node.id] = .variable(candidate, nullable: nullable)
                return variable.type
            }
        }
        let bare = name.hasPrefix(".") ? String(name.dropFirst()) : name
        if let denoted = StandardLibrary.typeDenotations[bare] {
            result.references[node.id] = .typeName(denoted.runtimeName)
            return .type(denoted)
        }
        return nil
    }

    /// The dotted parts of a select chain rooted at a global name.
    func qualifiedParts(_ node: ExpressionNode) -> [String]? {
        switch node.kind {
        case .identifier(let name):
            if !name.hasPrefix("."), locals.contains(where: { $0.name == name }) { return nil }
            return [name]
        case .select(let operand, let field, false):
            return qualifiedParts(operand).map { $0 + [field] }
        default:
            return nil
        }
    }

    mutating func selectField(_ field: String, of type: ExpressionType, node: ExpressionNode) -> ExpressionType {
        switch type {
        case .dyn, .error, .parameter: return .dyn
        case .map(let key, let value):
            if !(key.isDynamic || key == .string || key.containsParameter) {
                report(ExpressionDiagnostic.ID.typeMismatch, "cannot select field '\(field)' from a map with '\(key)' keys", node.span)
            }
            return value
        case .record(let record):
            result.recordSelects.insert(node.id)
            guard let fieldType = record.fields[field] else {
                report(
                    ExpressionDiagnostic.ID.unknownField,
                    "unknown field '\(field)' in '\(record.name)'" + NameSuggester.hint(for: field, among: record.fields.keys.sorted()),
                    node.span)
                return .error
            }
            return fieldType
        case .nullable(let wrapped):
            return selectField(field, of: wrapped, node: node)
        default:
            report(ExpressionDiagnostic.ID.typeMismatch, "type '\(type)' has no fields; cannot select '\(field)'", node.span)
            return .error
        }
    }
}
