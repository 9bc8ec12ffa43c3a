/// A point in time as seconds and nanoseconds since 1970-01-01T00:00:00Z (UTC).
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Whole seconds since the Unix epoch; negative before it.
    public var seconds: Int64
    /// Nanoseconds within the second, `0..<1_000_000_000`.
    public var nanos: Int32

    /// Creates a timestamp; `nanos` must already be normalised into `0..<1_000_000_000`.
    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }
}
