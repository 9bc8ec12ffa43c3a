import FormwrightCore

/// One signature of a library function together with its implementation.
///
/// Declaring both in one place keeps the checker and the evaluator in step: the checker resolves
/// calls against `parameters`, and the evaluator runs `implementation` for the overload it chose
/// (or, for dynamically typed arguments, the first overload whose parameters accept the values).
public struct Overload: Sendable {
    /// A stable ID such as `add_int64`.
    public let id: String
    /// The parameter types; for a member function the receiver comes first.
    public let parameters: [ExpressionType]
    /// The result type.
    public let result: ExpressionType
    /// Whether the function is called as `receiver.f(args)`.
    public let isMember: Bool
    /// Whether results can be larger than the arguments (concatenation), so the evaluator checks their size.
    let grows: Bool
    /// What the overload computes.
    let implementation: Implementation

    /// The shapes of implementations, by arity.
    enum Implementation: Sendable {
        case unary(@Sendable (RuntimeValue) throws(EvaluationError) -> RuntimeValue)
        case binary(@Sendable (RuntimeValue, RuntimeValue) throws(EvaluationError) -> RuntimeValue)
        case variadic(@Sendable ([RuntimeValue]) throws(EvaluationError) -> RuntimeValue)
    }

    init(
        _ id: String, _ parameters: [ExpressionType], _ result: ExpressionType, member: Bool = false, grows: Bool = false,
        _ implementation: Implementation
    ) {
        self.id = id
        self.parameters = parameters
        self.result = result
        self.isMember = member
        self.grows = grows
        self.implementation = implementation
    }

    /// Runs the implementation on already evaluated arguments.
    func invoke(_ arguments: [RuntimeValue]) throws(EvaluationError) -> RuntimeValue {
        switch implementation {
        case .unary(let body):
            guard arguments.count == 1 else { break }
            return try body(arguments[0])
        case .binary(let body):
            guard arguments.count == 2 else { break }
            return try body(arguments[0], arguments[1])
        case .variadic(let body):
            return try body(arguments)
        }
        throw EvaluationError("wrong number of arguments for overload '\(id)'")
    }

    /// Whether run-time values fit this overload's parameters.
    func accepts(_ arguments: [RuntimeValue]) -> Bool {
        guard arguments.count == parameters.count else { return false }
        for (parameter, argument) in zip(parameters, arguments) where !Self.type(parameter, accepts: argument) {
            return false
        }
        return true
    }

    static func type(_ type: ExpressionType, accepts value: RuntimeValue) -> Bool {
        guard case .value(let plain) = value else {
            switch type {
            case .type, .dyn, .parameter, .error: return true
            default: return false
            }
        }
        switch (type, plain) {
        case (.dyn, _), (.parameter, _), (.error, _): return true
        case (.int, .int), (.uint, .uint), (.double, .double), (.bool, .bool), (.string, .string), (.bytes, .bytes),
            (.null, .null), (.timestamp, .timestamp), (.duration, .duration), (.list, .list), (.map, .map), (.record, .map):
            return true
        case (.nullable(let wrapped), _):
            if case .null = plain { return true }
            return Self.type(wrapped, accepts: value)
        default: return false
        }
    }
}
