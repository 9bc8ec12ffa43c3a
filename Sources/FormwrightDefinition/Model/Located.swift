public import FormwrightCore

/// A value read from the app file, with the range it was written at.
public struct Located<Wrapped: Sendable>: Sendable {
    /// The value.
    public var value: Wrapped
    /// Where it was written.
    public var range: SourceRange

    /// Creates a located value.
    public init(_ value: Wrapped, at range: SourceRange) {
        self.value = value
        self.range = range
    }
}

extension Located: Equatable where Wrapped: Equatable {}
extension Located: Hashable where Wrapped: Hashable {}
