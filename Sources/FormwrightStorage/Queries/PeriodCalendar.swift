import FormwrightCore
import Foundation
import Synchronization

/// The calendar periods of one time zone: which day, ISO week or month a stored date or
/// timestamp falls in, as the `YYYY-MM-DD` text of the date the period starts.
///
/// Every backend that computes periods in Swift (the in-memory store, SQLite's registered SQL
/// functions) goes through this type, so they agree to the day. Zones are looked up once per
/// name and kept, because SQLite calls in here for every row.
///
/// ```swift
/// let calendar = try PeriodCalendar(timeZone: "Europe/Berlin")
/// calendar.start(of: .week, microseconds: 1_798_761_600_000_000)  // "2026-12-28"
/// ```
public struct PeriodCalendar: Sendable {
    /// The zone's IANA name.
    public let identifier: String
    private let zone: TimeZone

    /// The zone names accepted: those of the time zone database, plus `UTC` and `GMT`.
    ///
    /// Offsets such as `GMT+5` are refused: PostgreSQL reads them with the opposite sign (POSIX),
    /// and every backend must put a timestamp in the same period.
    private static let knownIdentifiers = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC", "GMT"])
    private static let zones = Mutex<[String: TimeZone]>([:])

    /// The calendar of a time zone.
    ///
    /// - Parameter identifier: an IANA time zone name such as `Europe/Berlin` or `UTC`.
    /// - Throws: ``StorageError/Code/invalidQuery`` for a name the time zone database does not hold.
    public init(timeZone identifier: String) throws {
        if let zone = Self.zones.withLock({ $0[identifier] }) {
            self.identifier = identifier
            self.zone = zone
            return
        }
        guard Self.knownIdentifiers.contains(identifier), let zone = TimeZone(identifier: identifier) else {
            throw StorageError(.invalidQuery, "unknown time zone '\(identifier)'; name one of the time zone database, such as 'Europe/Berlin'")
        }
        Self.zones.withLock { $0[identifier] = zone }
        self.identifier = identifier
        self.zone = zone
    }

    /// The start of the period a timestamp falls in, in this zone.
    ///
    /// - Parameters:
    ///   - period: the day, ISO week or month.
    ///   - micros: a timestamp column's stored value, microseconds since 1970 UTC.
    public func start(of period: DatePeriod, microseconds micros: Int64) -> String {
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros + 1) / 1_000_000 - 1
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
        // Stored seconds lie within years 0001 to 9999 and offsets within a day: no overflow.
        let local = seconds + offset
        let day = local >= 0 ? local / 86_400 : (local + 1) / 86_400 - 1
        return Self.start(of: period, dayNumber: day)
    }

    /// The start of the period a date falls in; nil when `date` is not `YYYY-MM-DD`.
    ///
    /// - Parameters:
    ///   - period: the day, ISO week or month.
    ///   - date: a date column's stored value.
    public static func start(of period: DatePeriod, date: String) -> String? {
        guard let parsed = CalendarDate(date) else { return nil }
        return start(of: period, dayNumber: Int64(parsed.daysSinceEpoch))
    }

    /// The start of the period holding the day `day` days after 1970-01-01.
    private static func start(of period: DatePeriod, dayNumber day: Int64) -> String {
        switch period {
        case .day:
            return text(dayNumber: day)
        case .week:
            // 1970-01-01 was a Thursday, three days after a Monday.
            let sinceMonday = ((day + 3) % 7 + 7) % 7
            return text(dayNumber: day - sinceMonday)
        case .month:
            let civil = CalendarDate.civil(dayNumber: day)
            return text(year: civil.year, month: civil.month, day: 1)
        }
    }

    private static func text(dayNumber day: Int64) -> String {
        let civil = CalendarDate.civil(dayNumber: day)
        return text(year: civil.year, month: civil.month, day: civil.day)
    }

    private static func text(year: Int64, month: Int64, day: Int64) -> String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
