import FormwrightCore
import FormwrightExpressions

extension ExpressionChecker {
    /// Orders computed fields so each comes after the computed fields it reads, reporting each cycle once.
    ///
    /// A computed field can read only its own record's fields and `now` (its scope declares
    /// nothing else), so the only dependencies are between fields of the same record.
    mutating func orderComputedFields(_ table: TableDefinition, _ programs: [String: Program]) -> [(field: String, program: Program)] {
        let order = table.fields.map(\.name.value).filter { programs[$0] != nil }
        var dependencies: [String: [String]] = [:]
        for name in order {
            let names = programs[name]?.checked?.referencedNames ?? []
            dependencies[name] = order.filter { names.contains($0) || names.contains("record.\($0)") }
        }
        var state: [String: VisitState] = [:]
        var sorted: [String] = []
        var inCycle: Set<String> = []
        for name in order {
            var path: [String] = []
            visit(name, dependencies: dependencies, state: &state, path: &path, sorted: &sorted, inCycle: &inCycle, table: table)
        }
        return sorted.filter { !inCycle.contains($0) }.compactMap { name in programs[name].map { (name, $0) } }
    }

    enum VisitState {
        case visiting, done
    }

    private mutating func visit(
        _ name: String, dependencies: [String: [String]], state: inout [String: VisitState], path: inout [String],
        sorted: inout [String], inCycle: inout Set<String>, table: TableDefinition
    ) {
        if state[name] == .done { return }
        if state[name] == .visiting {
            guard let start = path.firstIndex(of: name) else { return }
            let cycle = Array(path[start...])
            inCycle.formUnion(cycle)
            // Report the cycle at the first of its fields in the order written, starting the path there.
            let fieldOrder = table.fields.map(\.name.value)
            let first = cycle.min { (fieldOrder.firstIndex(of: $0) ?? 0) < (fieldOrder.firstIndex(of: $1) ?? 0) } ?? name
            let rotation = cycle.firstIndex(of: first) ?? 0
            let ordered = Array(cycle[rotation...] + cycle[..<rotation]) + [first]
            let shown = ordered.map { "'\($0)'" }.joined(separator: " → ")
            let range = table.field(named: first)?.compute?.range ?? table.name.range
            context.error(.computeCycle, "computed fields form a cycle: \(shown); a computed field cannot depend on itself", at: range)
            return
        }
        state[name] = .visiting
        path.append(name)
        for dependency in dependencies[name] ?? [] {
            visit(dependency, dependencies: dependencies, state: &state, path: &path, sorted: &sorted, inCycle: &inCycle, table: table)
        }
        path.removeLast()
        state[name] = .done
        sorted.append(name)
    }
}
