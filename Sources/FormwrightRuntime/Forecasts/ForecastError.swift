/// A forecast computation that cannot be carried out, with what went wrong.
public struct ForecastError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: Sendable, Hashable {
        /// A parameter is outside its range (a horizon below 1, a smoothing weight outside [0, 1]).
        case invalidParameter
        /// The history has too few known values for the computation.
        case historyTooShort
        /// An input value or a result is not a finite number.
        case notFinite
    }

    /// What kind of failure.
    public var kind: Kind
    /// A message naming the parameter or value it is about.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
