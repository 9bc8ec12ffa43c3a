import FormwrightCore

extension TimeCalculations {
    /// Parses an RFC 3339 timestamp such as `2009-02-13T23:31:30.5+01:00` (Core's parser), within CEL's range.
    static func parseTimestamp(_ text: String) throws(EvaluationError) -> Timestamp {
        guard let timestamp = Timestamp(rfc3339: text) else { throw EvaluationError("invalid timestamp '\(text)'") }
        return try checked(timestamp)
    }

    /// Formats a timestamp as RFC 3339 in UTC, with as many fraction digits as needed (Core's formatter).
    ///
    /// A timestamp outside years 1–9999 (possible only in a binding) has no RFC 3339 form; it is
    /// shown as its seconds since the epoch rather than handed to a formatter that assumes the range.
    static func format(_ timestamp: Timestamp) -> String {
        guard (try? checked(timestamp)) != nil else { return "\(timestamp.seconds)s after 1970-01-01T00:00:00Z" }
        return timestamp.rfc3339
    }

    /// `.5`, `.000000001` or empty: nanoseconds as a decimal fraction without trailing zeros.
    static func fraction(_ nanos: Int64) -> String {
        guard nanos != 0 else { return "" }
        var digits = padded(abs(nanos), 9)
        while digits.hasSuffix("0") { digits.removeLast() }
        return "." + digits
    }

    static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// Formats a duration as seconds with a fraction, such as `3.5s` or `-0.000000001s`.
    static func format(_ span: TimeSpan) -> String {
        let negative = span.seconds < 0 || span.nanos < 0
        let seconds = span.seconds.magnitude
        return (negative ? "-" : "") + String(seconds) + fraction(Int64(span.nanos.magnitude)) + "s"
    }

    /// Parses a duration such as `1h30m`, `-1.5s` or `250ms`.
    static func parseDuration(_ text: String) throws(EvaluationError) -> TimeSpan {
        let invalid = EvaluationError("invalid duration '\(text)'")
        var scalars = Array(text.unicodeScalars)[...]
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        if scalars.count == 1, scalars.first == "0" { return TimeSpan(seconds: 0) }
        guard !scalars.isEmpty else { throw invalid }
        var totalSeconds: Int64 = 0
        var totalNanos: Int64 = 0
        while !scalars.isEmpty {
            var whole: Int64 = 0
            var wholeDigits = 0
            while let scalar = scalars.first, scalar >= "0", scalar <= "9" {
                let (shifted, overflowA) = whole.multipliedReportingOverflow(by: 10)
                let (next, overflowB) = shifted.addingReportingOverflow(Int64(scalar.value - 48))
                if overflowA || overflowB { throw durationRangeError }
                whole = next
                wholeDigits += 1
                scalars = scalars.dropFirst()
            }
            var fractionDigits: [Int64] = []
            if scalars.first == "." {
                scalars = scalars.dropFirst()
                while let scalar = scalars.first, scalar >= "0", scalar <= "9" {
                    fractionDigits.append(Int64(scalar.value - 48))
                    scalars = scalars.dropFirst()
                }
            }
            guard wholeDigits + fractionDigits.count > 0 else { throw invalid }
            var unit = ""
            while let scalar = scalars.first, !(scalar >= "0" && scalar <= "9"), scalar != "." {
                unit.unicodeScalars.append(scalar)
                scalars = scalars.dropFirst()
            }
            let unitNanos: Int64
            switch unit {
            case "h": unitNanos = 3_600_000_000_000
            case "m": unitNanos = 60_000_000_000
            case "s": unitNanos = 1_000_000_000
            case "ms": unitNanos = 1_000_000
            case "us", "\u{B5}s", "\u{3BC}s": unitNanos = 1_000
            case "ns": unitNanos = 1
            default: throw invalid
            }
            // Whole part: split into seconds and nanoseconds so large values stay exact.
            if unitNanos >= 1_000_000_000 {
                let (seconds, overflow) = whole.multipliedReportingOverflow(by: unitNanos / 1_000_000_000)
                if overflow { throw durationRangeError }
                totalSeconds = try sum(totalSeconds, seconds)
            } else {
                totalSeconds = try sum(totalSeconds, whole / (1_000_000_000 / unitNanos))
                totalNanos += (whole % (1_000_000_000 / unitNanos)) * unitNanos
            }
            // Fraction: digits beyond nanosecond precision are dropped.
            var scale = unitNanos
            for digit in fractionDigits {
                guard scale >= 10 || digit == 0 else { break }
                scale /= 10
                totalNanos += digit * scale
                if scale == 0 { break }
            }
            totalSeconds = try sum(totalSeconds, totalNanos / 1_000_000_000)
            totalNanos %= 1_000_000_000
        }
        var result = try span(seconds: totalSeconds, nanos: totalNanos)
        if negative { result = try negate(result) }
        return try checked(result)
    }

    static func sum(_ left: Int64, _ right: Int64) throws(EvaluationError) -> Int64 {
        let (total, overflow) = left.addingReportingOverflow(right)
        if overflow { throw durationRangeError }
        return total
    }
}
