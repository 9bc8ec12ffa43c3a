/// One instruction of a compiled pattern, run by `RegexMatcher`.
///
/// Targets are absolute instruction indices within the program (or within a fragment while compiling).
enum RegexInstruction: Sendable, Hashable {
    /// Consumes this exact scalar.
    case scalar(UInt32)
    /// Consumes one scalar of the program's set at this index.
    case set(Int)
    /// Consumes any scalar.
    case anyScalar
    /// Consumes any scalar but a newline.
    case anyExceptNewline
    /// Continues at both targets.
    case split(Int, Int)
    /// Continues at the target.
    case jump(Int)
    /// Continues at the next instruction if the assertion holds here.
    case assertion(RegexAssertion)
    /// The pattern has matched.
    case match

    /// The same instruction with its targets moved by `offset`, for copying a fragment into a larger one.
    func relocated(by offset: Int) -> RegexInstruction {
        switch self {
        case .split(let first, let second): .split(first + offset, second + offset)
        case .jump(let target): .jump(target + offset)
        default: self
        }
    }
}
