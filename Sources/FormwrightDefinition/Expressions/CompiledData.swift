public import FormwrightCore
public import FormwrightExpressions

/// A data slot compiled: plain data, a program computing the value, or lists and maps of slots.
public indirect enum CompiledData: Sendable {
    /// Plain data, used as written.
    case literal(Value)
    /// A program giving the value.
    case program(Program)
    /// A list of slots.
    case list([CompiledData])
    /// A mapping of slots, in the order written.
    case map([(key: String, value: CompiledData)])

    /// Whether any program in the slot reads `env`, making its value a secret that is never logged or echoed.
    public var readsEnvironment: Bool {
        switch self {
        case .literal: false
        case .program(let program): program.referencedVariables.contains { $0 == "env" || $0.hasPrefix("env.") }
        case .list(let items): items.contains(where: \.readsEnvironment)
        case .map(let entries): entries.contains { $0.value.readsEnvironment }
        }
    }
}
