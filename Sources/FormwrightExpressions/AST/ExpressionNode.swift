/// One node of a parsed expression: what it is, a stable ID and the source span it covers.
///
/// Nodes are immutable values. Types and resolved references are kept beside the tree, in the
/// checker's side tables keyed by `id`, so one tree can be checked against several environments.
public struct ExpressionNode: Sendable {
    /// An ID unique within one parsed expression; parsing numbers nodes from 1 in creation order.
    public let id: Int
    /// The 0-based Unicode scalar offsets the node covers in its source text.
    public let span: Range<Int>
    /// What the node is.
    public let kind: Kind

    /// Creates a node.
    public init(id: Int, span: Range<Int>, kind: Kind) {
        self.id = id
        self.span = span
        self.kind = kind
    }

    /// The shapes an expression node takes.
    public indirect enum Kind: Sendable {
        /// A literal constant.
        case literal(Literal)
        /// A name; a leading `.` (as in `.y`) asks for resolution from the root namespace only.
        case identifier(String)
        /// `operand.field`, or `has(operand.field)` when `testOnly` is set.
        case select(operand: ExpressionNode, field: String, testOnly: Bool)
        /// A global call `f(args)`, an operator (`_+_`, `_[_]`, …) or a member call `target.f(args)`.
        case call(function: String, target: ExpressionNode?, arguments: [ExpressionNode])
        /// A list literal.
        case list([ExpressionNode])
        /// A map literal, entries in source order.
        case map([MapEntry])
        /// A macro expanded into a loop over a list or map.
        case comprehension(Comprehension)
    }

    /// One `key: value` entry of a map literal.
    public struct MapEntry: Sendable {
        /// The key expression.
        public let key: ExpressionNode
        /// The value expression.
        public let value: ExpressionNode
    }

    /// A literal value as written in the source.
    public enum Literal: Sendable, Hashable {
        /// `null`.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// An int such as `42` or `0x2A` (a leading minus is folded in).
        case int(Int64)
        /// A uint such as `42u`.
        case uint(UInt64)
        /// A double such as `1.5` or `1e3`.
        case double(Double)
        /// A string, escapes decoded.
        case string(String)
        /// A bytes literal such as `b'\xff'`, escapes decoded.
        case bytes([UInt8])
    }

    /// A loop produced by one of the macros `all`, `exists`, `exists_one`, `map` and `filter`.
    public struct Comprehension: Sendable {
        /// Which macro the loop implements.
        public let macro: Macro
        /// The list or map iterated over (a map yields its keys).
        public let range: ExpressionNode
        /// The loop variable's name.
        public let variable: String
        /// The condition: the predicate of `all`/`exists`/`exists_one`/`filter`, or the filter of three-argument `map`.
        public let predicate: ExpressionNode?
        /// The transform of `map`.
        public let transform: ExpressionNode?
    }

    /// The comprehension macros.
    public enum Macro: String, Sendable {
        /// `range.all(x, predicate)`.
        case all
        /// `range.exists(x, predicate)`.
        case exists
        /// `range.exists_one(x, predicate)`.
        case existsOne = "exists_one"
        /// `range.map(x, transform)` or `range.map(x, filter, transform)`.
        case map
        /// `range.filter(x, predicate)`.
        case filter
    }
}
