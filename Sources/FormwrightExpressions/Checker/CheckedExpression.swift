/// What the checker learned about a tree: a type for every node and how names and calls resolved.
public struct CheckedExpression: Sendable {
    /// The parsed tree.
    public let root: ExpressionNode
    /// The inferred type of each node, by node ID.
    public internal(set) var types: [Int: ExpressionType] = [:]
    /// How identifier and qualified-name nodes resolved, by node ID.
    var references: [Int: Reference] = [:]
    /// The single overload a call resolved to, by node ID, when its argument types settle it.
    var overloads: [Int: Overload] = [:]
    /// Select nodes whose operand is a record, where a missing field reads as null.
    var recordSelects: Set<Int> = []

    /// A resolved name.
    enum Reference: Sendable {
        /// A declared variable with its full name; a nullable variable reads as null when unbound.
        case variable(String, nullable: Bool)
        /// A type denotation such as `int`, standing for a type value.
        case typeName(String)
    }

    /// The type of the whole expression.
    public var resultType: ExpressionType { types[root.id] ?? .dyn }
}
