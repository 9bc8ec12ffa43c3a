public import FormwrightCore
import Foundation

/// Reads a `Retry-After` header: delay-seconds (`120`) or an HTTP date
/// (`Wed, 21 Oct 2026 07:28:00 GMT`, RFC 9110's IMF-fixdate), bounded to `maximum`.
///
/// A date in the past is no delay; anything unreadable is ignored (nil), so a retry falls back
/// to the caller's own backoff.
public enum RetryAfter {
    /// The longest delay taken from a service: one hour. Longer requests are shortened to it.
    public static let maximum = Duration.seconds(3600)

    /// The delay a header value asks for, measured from `now`, or nil when the value is not one of the two forms.
    public static func delay(_ text: String, now: Timestamp) -> Duration? {
        let value = Substring(text.trimmingCharacters(in: .whitespaces))
        if let seconds = delaySeconds(value) { return bounded(seconds) }
        guard let date = httpDateSeconds(value) else { return nil }
        let (difference, overflow) = date.subtractingReportingOverflow(now.seconds)
        if overflow { return nil }
        return bounded(max(0, difference))
    }

    static func bounded(_ seconds: Int64) -> Duration {
        min(Duration.seconds(seconds), maximum)
    }

    static func delaySeconds(_ text: Substring) -> Int64? {
        guard isDigits(text) else { return nil }
        // Any value past 18 digits is far beyond the bound, and would overflow Int64.
        return text.utf8.count > 18 ? Int64.max : Int64(text)
    }

    static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`, as seconds since 1970.
    static func httpDateSeconds(_ text: Substring) -> Int64? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","), dayNames.contains(String(parts[0].dropLast())),
            parts[1].count == 2, isDigits(parts[1]), let day = Int(parts[1]),
            let monthIndex = monthNames.firstIndex(of: String(parts[2])),
            parts[3].count == 4, isDigits(parts[3]), let year = Int(parts[3]),
            parts[5] == "GMT"
        else { return nil }
        let clock = parts[4].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 && isDigits($0) }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
            hour < 24, minute < 60, second < 61,
            let date = CalendarDate(year: year, month: monthIndex + 1, day: day)
        else { return nil }
        return Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }
}
