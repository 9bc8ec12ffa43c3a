/// Why an evaluation produced no value: a message and, when known, the offsets of the expression part that failed.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, lower case.
    public var message: String
    /// The 0-based scalar offsets within the expression of the failing part, when known.
    public var range: Range<Int>?
    /// Whether the evaluation budget ran out (as opposed to an error in the data).
    public var isBudgetExceeded: Bool

    /// Creates an error.
    public init(_ message: String, range: Range<Int>? = nil, isBudgetExceeded: Bool = false) {
        self.message = message
        self.range = range
        self.isBudgetExceeded = isBudgetExceeded
    }

    /// The message, prefixed by its offset when known.
    public var description: String {
        if let range { return "\(range.lowerBound): \(message)" }
        return message
    }

    static func noMatchingOverload(_ function: String, _ arguments: [RuntimeValue]) -> EvaluationError {
        let types = arguments.map(\.typeName).joined(separator: ", ")
        return EvaluationError("no matching overload for '\(OperatorNames.display(function))' applied to (\(types))")
    }

    static let divisionByZero = EvaluationError("division by zero")
    static let moduloByZero = EvaluationError("modulus by zero")
    static func overflow(_ what: String = "integer") -> EvaluationError { EvaluationError("\(what) overflow") }
}

extension EvaluationError {
    /// The same error, located at `span` unless it already has a location.
    func located(_ span: Range<Int>) -> EvaluationError {
        guard range == nil else { return self }
        var copy = self
        copy.range = span
        return copy
    }
}
