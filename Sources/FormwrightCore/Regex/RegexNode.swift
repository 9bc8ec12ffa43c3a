/// One node of a parsed pattern, stored in a `RegexTree`'s flat array.
///
/// Children are referred to by index and always precede their parent, so the tree can be
/// compiled in one forward pass and freed without recursion, however deep the pattern nests.
enum RegexNode: Sendable {
    /// Matches the empty string (`()`, an empty alternative, `a{0}`).
    case empty
    /// Matches exactly one scalar.
    case scalar(UInt32)
    /// Matches one scalar of a class (also a case-folded literal).
    case set(ScalarSet)
    /// `.` under `(?s)`: any scalar.
    case anyScalar
    /// `.`: any scalar but a newline.
    case anyExceptNewline
    /// A zero-width assertion.
    case assertion(RegexAssertion)
    /// The children, one after the other.
    case concatenation([Int])
    /// Any one of the children.
    case alternation([Int])
    /// The child repeated `minimum` to `maximum` times (`nil`: without limit).
    case repetition(Int, minimum: Int, maximum: Int?)
}

/// A parsed pattern: nodes in post-order (children before parents), each with its offset in the pattern.
struct RegexTree: Sendable {
    /// The nodes, each after its children.
    var nodes: [RegexNode] = []
    /// The index of the node for the whole pattern.
    var root = 0
    /// For each node, the scalar offset in the pattern it was parsed from, for error messages.
    var offsets: [Int] = []
    /// How many capturing groups (named or not) the pattern has; matching ignores them.
    var captureCount = 0

    /// Appends a node and returns its index.
    mutating func add(_ node: RegexNode, at offset: Int) -> Int {
        nodes.append(node)
        offsets.append(offset)
        return nodes.count - 1
    }
}
