import FormwrightCore
import FormwrightExpressions

extension ExpressionChecker {
    /// Whether an expression tests what `user` holds (`'name' in user`, `has(user.name)`), and so guards its use.
    static func testsUser(_ program: Program?) -> Bool {
        guard let root = program?.checked?.root else { return false }
        var pending = [root]
        while let node = pending.popLast() {
            switch node.kind {
            case .call(let function, let target, let arguments):
                if function == "@in", arguments.count == 2, case .identifier("user") = arguments[1].kind { return true }
                if let target { pending.append(target) }
                pending.append(contentsOf: arguments)
            case .select(let operand, _, let testOnly):
                if testOnly, case .identifier("user") = operand.kind { return true }
                pending.append(operand)
            case .list(let elements):
                pending.append(contentsOf: elements)
            case .map(let entries):
                for entry in entries { pending.append(contentsOf: [entry.key, entry.value]) }
            case .comprehension(let comprehension):
                pending.append(comprehension.range)
                if let predicate = comprehension.predicate { pending.append(predicate) }
                if let transform = comprehension.transform { pending.append(transform) }
            case .literal, .identifier:
                break
            }
        }
        return false
    }

    /// On a public form nobody is signed in, so `user` is empty and `user.name` fails every time.
    mutating func warnAboutUser(on form: FormDefinition, _ result: FormExpressions) {
        var sources: [(ExpressionSource, Program?)] = []
        for entry in form.fields {
            let name = entry.name.value
            if let source = entry.visibleIf { sources.append((source, result.visibleIf[name])) }
            if let source = entry.requiredIf { sources.append((source, result.requiredIf[name])) }
            if let source = entry.readOnlyIf { sources.append((source, result.readOnlyIf[name])) }
            if case .expression(let source)? = entry.defaultValue?.value { sources.append((source, result.defaults[name])) }
        }
        for rule in result.rules { sources.append((rule.rule.check, rule.check)) }
        for (source, program) in sources where program?.checked?.referencedNames.contains("user") == true && !Self.testsUser(program) {
            append(
                DefinitionDiagnosticID.userOnPublicForm.rawValue, .warning,
                "public form '\(form.name.value)' is filled in by people who are not signed in, so 'user' is empty here; "
                    + "test it first, as in \"'name' in user && …\"",
                at: source.range)
        }
    }
}
