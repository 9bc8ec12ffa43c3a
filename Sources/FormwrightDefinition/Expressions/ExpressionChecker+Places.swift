import FormwrightCore
import FormwrightExpressions

extension ExpressionChecker {
    /// Compiles an expression of a workflow or an integration, reporting names used where they do not exist.
    mutating func compile(_ source: ExpressionSource, scalarText: String, at place: ExpressionPlace, for purpose: Purpose) -> Program? {
        var misplaced: [NameCheck.Problem] = []
        if case .success(let root) = ExpressionParser.parse(source.text) {
            misplaced = NameCheck(place: place.names).problems(in: root)
        }
        return compile(
            source, scalarText: scalarText, compiler: place.compiler(unknownSteps: misplaced.compactMap(\.unknownStep)), options: place.options,
            for: purpose, misplaced: misplaced)
    }

    /// Compiles a data slot: its `=` expressions at any depth; the top one for `purpose`, nested ones of any type.
    mutating func compileData(_ template: DataTemplate, at place: ExpressionPlace, for purpose: Purpose) -> CompiledData? {
        switch template.content {
        case .literal(let value):
            return .literal(value)
        case .expression(let source):
            return compile(source, scalarText: "=" + source.text, at: place, for: purpose).map(CompiledData.program)
        case .list(let items):
            let compiled = items.map { compileData($0, at: place, for: .hole) }
            let present = compiled.compactMap { $0 }
            return present.count == compiled.count ? .list(present) : nil
        case .map(let entries):
            var compiled: [(key: String, value: CompiledData)] = []
            var failed = false
            for entry in entries {
                if let value = compileData(entry.value, at: place, for: .hole) {
                    compiled.append((entry.key.value, value))
                } else {
                    failed = true
                }
            }
            return failed ? nil : .map(compiled)
        }
    }

    /// Compiles a field value a step writes: a literal as it is, an expression checked against the field's type.
    mutating func compileAssignment(_ assignment: FieldAssignment, of table: TableDefinition, key: String, at place: ExpressionPlace) -> CompiledData?
    {
        switch assignment.value.value {
        case .literal(let value):
            return .literal(value)
        case .expression(let source):
            guard let field = table.field(named: assignment.field.value) else { return nil }
            return compile(source, scalarText: "=" + source.text, at: place, for: .value(field, key: key)).map(CompiledData.program)
        }
    }
}
