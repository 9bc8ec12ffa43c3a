extension Timestamp {
    /// Parses an RFC 3339 date-time such as `2026-11-29T14:05:00Z` or `2026-11-29T22:05:00.5+08:00`.
    ///
    /// Years 0001–9999, up to nine fractional digits, `Z`/`z` or a numeric offset; `T` may be `t` or a space.
    public init?(rfc3339 text: String) {
        let s = Array(text.unicodeScalars)
        guard s.count >= 20, let date = CalendarDate(String(String.UnicodeScalarView(s[0..<10]))),
            s[10] == "T" || s[10] == "t" || s[10] == " ", s[13] == ":", s[16] == ":",
            let hour = CalendarDate.digits(s[11..<13]), let minute = CalendarDate.digits(s[14..<16]),
            let second = CalendarDate.digits(s[17..<19]), hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var nanos = 0
        if s[index] == "." {
            index += 1
            var digits = 0
            while index < s.count, ("0"..."9").contains(s[index]) {
                guard digits < 9 else { return nil }
                nanos = nanos * 10 + Int(s[index].value - 48)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { nanos *= 10 }
        }
        guard index < s.count else { return nil }
        var offsetSeconds = 0
        if s[index] == "Z" || s[index] == "z" {
            guard index + 1 == s.count else { return nil }
        } else {
            guard s[index] == "+" || s[index] == "-", s.count == index + 6, s[index + 3] == ":",
                let offsetHours = CalendarDate.digits(s[(index + 1)..<(index + 3)]),
                let offsetMinutes = CalendarDate.digits(s[(index + 4)..<(index + 6)]), offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (s[index] == "-" ? -1 : 1)
        }
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        self.init(seconds: Int64(seconds), nanos: Int32(nanos))
    }

    /// The first and last seconds RFC 3339 can show: 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    public static let rfc3339Range: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// The RFC 3339 form in UTC, with fractional seconds only when present: `2026-11-29T14:05:00Z`.
    /// A time outside years 0001–9999 has no such form and is written `Ns after 1970-01-01T00:00:00Z`.
    public var rfc3339: String {
        guard Self.rfc3339Range.contains(seconds) else { return "\(seconds)s after 1970-01-01T00:00:00Z" }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let date = CalendarDate(daysSinceEpoch: Int(days))?.description ?? "invalid"
        var text = date + "T" + CalendarDate.pad(secondOfDay / 3600, 2) + ":" + CalendarDate.pad(secondOfDay / 60 % 60, 2) + ":"
            + CalendarDate.pad(secondOfDay % 60, 2)
        if nanos > 0 {
            var fraction = CalendarDate.pad(Int(nanos), 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }
}
