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
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for name in order {
            let names = programs[name]?.checked?.referencedNames ?? []
            let read = names.map { $0.hasPrefix("record.") ? String($0.dropFirst(7)) : $0 }
            dependencies[name] = Set(read).filter { programs[$0] != nil }.sorted { (position[$0] ?? 0) < (position[$1] ?? 0) }
        }
        var state: [String: VisitState] = [:]
        var sorted: [String] = []
        var inCycle: Set<String> = []
        // Depth-first with an explicit stack: a long chain of computed fields must not exhaust the call stack.
        for root in order where state[root] == nil {
            var stack: [(name: String, next: Int)] = [(root, 0)]
            state[root] = .visiting
            while let (name, next) = stack.last {
                let pending = dependencies[name] ?? []
                guard next < pending.count else {
                    stack.removeLast()
                    state[name] = .done
                    sorted.append(name)
                    continue
                }
                stack[stack.count - 1].next = next + 1
                let dependency = pending[next]
                switch state[dependency] {
                case .done?:
                    continue
                case .visiting?:
                    guard let start = stack.firstIndex(where: { $0.name == dependency }) else { continue }
                    let cycle = stack[start...].map(\.name)
                    inCycle.formUnion(cycle)
                    reportCycle(cycle, in: table)
                case nil:
                    state[dependency] = .visiting
                    stack.append((dependency, 0))
                }
            }
        }
        return sorted.filter { !inCycle.contains($0) }.compactMap { name in programs[name].map { (name, $0) } }
    }

    enum VisitState {
        case visiting, done
    }

    /// Reports a cycle at the first of its fields in the order written, starting the path there.
    private mutating func reportCycle(_ cycle: [String], in table: TableDefinition) {
        let fieldOrder = table.fields.map(\.name.value)
        guard let first = cycle.min(by: { (fieldOrder.firstIndex(of: $0) ?? 0) < (fieldOrder.firstIndex(of: $1) ?? 0) }) else { return }
        let rotation = cycle.firstIndex(of: first) ?? 0
        let ordered = Array(cycle[rotation...] + cycle[..<rotation]) + [first]
        let shown = ordered.map { "'\($0)'" }.joined(separator: " → ")
        let range = table.field(named: first)?.compute?.range ?? table.name.range
        context.error(.computeCycle, "computed fields form a cycle: \(shown); a computed field cannot depend on itself", at: range)
    }
}
