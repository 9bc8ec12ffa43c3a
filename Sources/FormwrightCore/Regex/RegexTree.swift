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
