/// A signed length of time as seconds and nanoseconds (CEL's `duration`).
public struct TimeSpan: Sendable, Hashable, Comparable {
    /// Whole seconds.
    public var seconds: Int64
    /// Nanoseconds, with the same sign as `seconds` (or zero), magnitude below one second.
    public var nanos: Int32

    /// Creates a span; `nanos` must share the sign of `seconds`.
    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }

    /// CEL's text for a duration: seconds with a fraction only when needed, `3.5s`, `-0.000000001s`, `0s`.
    public var text: String {
        let negative = seconds < 0 || nanos < 0
        var fraction = ""
        if nanos != 0 {
            var digits = CalendarDate.pad(Int(nanos.magnitude), 9)
            while digits.hasSuffix("0") { digits.removeLast() }
            fraction = "." + digits
        }
        return (negative ? "-" : "") + String(seconds.magnitude) + fraction + "s"
    }
}
