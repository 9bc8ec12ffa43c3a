import FormwrightCore

extension TimeCalculations {
    /// Parses an RFC 3339 timestamp such as `2009-02-13T23:31:30.5+01:00`.
    ///
    /// Core's `Timestamp(rfc3339:)` accepts the same text; this one reads bytes in one pass, which
    /// matters when an expression parses a timestamp field on every evaluation.
    static func parseTimestamp(_ text: String) throws(EvaluationError) -> Timestamp {
        let invalid = EvaluationError("invalid timestamp '\(text)'")
        let chars = Array(text.utf8)
        var position = 0
        func number(_ count: Int) throws(EvaluationError) -> Int64 {
            guard position + count <= chars.count else { throw invalid }
            var value: Int64 = 0
            for byte in chars[position..<(position + count)] {
                guard byte >= 48, byte <= 57 else { throw invalid }
                value = value * 10 + Int64(byte - 48)
            }
            position += count
            return value
        }
        func expect(_ options: String) throws(EvaluationError) {
            guard position < chars.count, options.utf8.contains(chars[position]) else { throw invalid }
            position += 1
        }
        let year = try number(4)
        try expect("-")
        let month = try number(2)
        try expect("-")
        let day = try number(2)
        try expect("Tt")
        let hour = try number(2)
        try expect(":")
        let minute = try number(2)
        try expect(":")
        let second = try number(2)
        var nanos: Int64 = 0
        if position < chars.count, chars[position] == UInt8(ascii: ".") {
            position += 1
            var digits = 0
            while position < chars.count, chars[position] >= 48, chars[position] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int64(chars[position] - 48) }
                digits += 1
                position += 1
            }
            guard digits > 0 else { throw invalid }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
        }
        var offset: Int64 = 0
        guard position < chars.count else { throw invalid }
        if chars[position] == UInt8(ascii: "Z") || chars[position] == UInt8(ascii: "z") {
            position += 1
        } else {
            let sign: Int64 = chars[position] == UInt8(ascii: "-") ? -1 : 1
            try expect("+-")
            let offsetHours = try number(2)
            try expect(":")
            let offsetMinutes = try number(2)
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard position == chars.count, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
        else { throw invalid }
        guard year >= 1 else { throw rangeError }
        let seconds = days(year: year, month: month, day: day) * 86400 + hour * 3600 + minute * 60 + second - offset
        return try checked(Timestamp(seconds: seconds, nanos: Int32(nanos)))
    }

    /// Formats a timestamp as RFC 3339 in UTC, with as many fraction digits as needed (Core's formatter).
    ///
    /// A timestamp outside years 1–9999 (possible only in a binding) has no RFC 3339 form; it is
    /// shown as its seconds since the epoch rather than handed to a formatter that assumes the range.
    static func format(_ timestamp: Timestamp) -> String {
        timestamp.rfc3339
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
        span.text
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
