import FormwrightCore
import Foundation

/// Calendar arithmetic, parsing and formatting for CEL's `timestamp` and `duration`, exact to the nanosecond.
enum TimeCalculations {
    /// 0001-01-01T00:00:00Z.
    static let minimumSeconds: Int64 = -62_135_596_800
    /// 9999-12-31T23:59:59Z.
    static let maximumSeconds: Int64 = 253_402_300_799

    static let rangeError = EvaluationError("timestamp out of range")
    static let durationRangeError = EvaluationError("duration out of range")

    static func checked(_ timestamp: Timestamp) throws(EvaluationError) -> Timestamp {
        guard timestamp.seconds >= minimumSeconds, timestamp.seconds <= maximumSeconds, timestamp.nanos >= 0,
            timestamp.nanos < 1_000_000_000
        else { throw rangeError }
        return timestamp
    }

    static func checked(_ span: TimeSpan) throws(EvaluationError) -> TimeSpan {
        guard span.nanos > -1_000_000_000, span.nanos < 1_000_000_000 else { throw durationRangeError }
        let (scaled, overflowA) = span.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (_, overflowB) = scaled.addingReportingOverflow(Int64(span.nanos))
        if overflowA || overflowB { throw durationRangeError }
        return span
    }

    /// Normalises seconds and nanoseconds (both within a few seconds of range) into a span with consistent signs.
    static func span(seconds: Int64, nanos: Int64) throws(EvaluationError) -> TimeSpan {
        var seconds = seconds
        var nanos = nanos
        let carry = nanos / 1_000_000_000
        nanos -= carry * 1_000_000_000
        let (sum, overflow) = seconds.addingReportingOverflow(carry)
        if overflow { throw durationRangeError }
        seconds = sum
        if seconds > 0, nanos < 0 {
            seconds -= 1
            nanos += 1_000_000_000
        } else if seconds < 0, nanos > 0 {
            seconds += 1
            nanos -= 1_000_000_000
        }
        return try checked(TimeSpan(seconds: seconds, nanos: Int32(nanos)))
    }

    static func add(_ left: TimeSpan, _ right: TimeSpan) throws(EvaluationError) -> TimeSpan {
        let (seconds, overflow) = left.seconds.addingReportingOverflow(right.seconds)
        if overflow { throw durationRangeError }
        return try span(seconds: seconds, nanos: Int64(left.nanos) + Int64(right.nanos))
    }

    static func negate(_ span: TimeSpan) throws(EvaluationError) -> TimeSpan {
        let (seconds, overflow) = Int64(0).subtractingReportingOverflow(span.seconds)
        if overflow { throw durationRangeError }
        return try self.span(seconds: seconds, nanos: -Int64(span.nanos))
    }

    static func add(_ timestamp: Timestamp, _ span: TimeSpan) throws(EvaluationError) -> Timestamp {
        // Values may come from outside (bindings), so both operands are range-checked before any arithmetic.
        _ = try checked(timestamp)
        _ = try checked(span)
        var seconds = timestamp.seconds + span.seconds
        var nanos = Int64(timestamp.nanos) + Int64(span.nanos)
        if nanos >= 1_000_000_000 {
            seconds += 1
            nanos -= 1_000_000_000
        } else if nanos < 0 {
            seconds -= 1
            nanos += 1_000_000_000
        }
        return try checked(Timestamp(seconds: seconds, nanos: Int32(nanos)))
    }

    static func difference(_ left: Timestamp, _ right: Timestamp) throws(EvaluationError) -> TimeSpan {
        _ = try checked(left)
        _ = try checked(right)
        return try span(seconds: left.seconds - right.seconds, nanos: Int64(left.nanos) - Int64(right.nanos))
    }

    // MARK: Civil calendar

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        CalendarDate.dayNumber(year: year, month: month, day: day)
    }

    /// The Gregorian date of a day count since 1970-01-01.
    static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        CalendarDate.civil(dayNumber: days)
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        Int64(CalendarDate.daysInMonth(year: Int(year), month: Int(month)))
    }

    /// Offset from UTC in seconds of a zone written as an IANA name or as `[+-]HH:MM`, at an instant.
    static func offset(zone: String, at seconds: Int64) throws(EvaluationError) -> Int64 {
        let scalars = Array(zone.unicodeScalars)
        var body = scalars[...]
        var sign: Int64 = 1
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        if body.count == 5, body[body.startIndex + 2] == ":",
            let hours = Int64(String(String.UnicodeScalarView(body.prefix(2)))),
            let minutes = Int64(String(String.UnicodeScalarView(body.suffix(2))))
        {
            return sign * (hours * 3600 + minutes * 60)
        }
        guard let timeZone = TimeZone(identifier: zone) else { throw EvaluationError("unknown time zone '\(zone)'") }
        return Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
    }
}
