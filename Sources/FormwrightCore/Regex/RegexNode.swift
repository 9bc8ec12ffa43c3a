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
