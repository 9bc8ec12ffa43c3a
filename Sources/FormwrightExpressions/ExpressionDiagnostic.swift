public import FormwrightCore

/// A finding about an expression: a stable ID, a severity, a message and the offsets it covers.
///
/// Offsets are 0-based Unicode scalar offsets within the expression's own text; a caller that
/// embedded the expression in a larger file maps them into that file.
public struct ExpressionDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier such as `expression.undeclaredReference`.
    public var id: String
    /// Error or warning.
    public var severity: Severity
    /// The message: lower case, no trailing period, names in single quotes.
    public var message: String
    /// The 0-based scalar offsets within the expression.
    public var range: Range<Int>

    /// Creates a diagnostic.
    public init(id: String, severity: Severity = .error, message: String, range: Range<Int>) {
        self.id = id
        self.severity = severity
        self.message = message
        self.range = range
    }

    /// `offset: id: message`, for logs and test failures.
    public var description: String { "\(range.lowerBound): \(id): \(message)" }

    /// The IDs this module reports, alphabetically.
    public enum ID {
        /// The estimated worst-case cost exceeds the limit.
        public static let costLimit = "expression.costLimit"
        /// Evaluation failed (division by zero, a missing key, a spent budget…); used when reporting evaluation errors.
        public static let evaluation = "expression.evaluation"
        /// A constant regular expression given to `matches` is malformed.
        public static let invalidPattern = "expression.invalidPattern"
        /// A function or operator has no overload for the argument types.
        public static let noMatchingOverload = "expression.noMatchingOverload"
        /// A nullable value is used where null would make the expression fail.
        public static let nullableUse = "expression.nullableUse"
        /// The text is not a well-formed expression.
        public static let syntax = "expression.syntax"
        /// The expression is longer or nests deeper than the limits allow.
        public static let tooComplex = "expression.tooComplex"
        /// A value has a different type from the one required.
        public static let typeMismatch = "expression.typeMismatch"
        /// A name is not declared.
        public static let undeclaredReference = "expression.undeclaredReference"
        /// A field is not part of a record type.
        public static let unknownField = "expression.unknownField"
    }
}
