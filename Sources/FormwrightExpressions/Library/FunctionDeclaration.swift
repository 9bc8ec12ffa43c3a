/// A library function: a name and its overloads.
public struct FunctionDeclaration: Sendable {
    /// The function's name, such as `size` or `_+_`.
    public let name: String
    /// The overloads, tried in order by dynamic dispatch.
    public let overloads: [Overload]

    /// Calls the first overload that accepts the arguments.
    func dispatch(_ arguments: [RuntimeValue], member: Bool) throws(EvaluationError) -> (RuntimeValue, Overload) {
        for overload in overloads where overload.isMember == member && overload.accepts(arguments) {
            return (try overload.invoke(arguments), overload)
        }
        throw EvaluationError.noMatchingOverload(name, arguments)
    }
}
