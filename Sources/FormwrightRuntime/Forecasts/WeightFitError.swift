/// A weight fit that cannot be carried out, with a message naming the cause.
public struct WeightFitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: Sendable, Hashable {
        /// No observation to fit, or too few periods for the validation asked for.
        case notEnoughData
        /// The inputs disagree in size: a row, the current weights or the constraints.
        case dimensionMismatch
        /// An input is not a finite number.
        case notFinite
        /// A constraint admits no value: its bounds are reversed or its sign excludes them all.
        case emptyConstraint
        /// A ridge strength is negative.
        case invalidLambda
        /// With this ridge strength the problem has no single solution (λ = 0 and drivers that move together).
        case singular
    }

    /// What kind of failure.
    public var code: Code
    /// A message for the user, naming what it is about.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
