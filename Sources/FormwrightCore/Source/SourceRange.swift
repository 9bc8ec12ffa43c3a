/// A half-open span of source text, from `start` up to (not including) `end`.
public struct SourceRange: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The first position in the range.
    public var start: SourceLocation
    /// The position just after the range.
    public var end: SourceLocation

    /// Creates a range; an `end` before `start` is clamped to `start`.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = max(start, end)
    }

    /// An empty range at one location.
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    /// The empty range at the start of a text.
    public static let start = SourceRange(at: .start)

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "\(start)-\(end)" }
}
