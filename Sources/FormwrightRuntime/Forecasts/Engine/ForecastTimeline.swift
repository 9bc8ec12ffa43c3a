import FormwrightCore
import FormwrightStorage

/// Periods counted as whole numbers, so that a series is an array: a day is its day number, a
/// week (Monday to Sunday, ISO) the day number of its Monday divided by 7, a month `12 × year + month`.
struct ForecastTimeline: Sendable {
    /// The kind of period.
    let period: DatePeriod

    /// The ordinal of the period a `YYYY-MM-DD` date (a period's start as the store gives it, or any day) falls in.
    func ordinal(of text: String) -> Int? {
        guard let date = CalendarDate(text) else { return nil }
        switch period {
        case .day: return date.daysSinceEpoch
        // 1970-01-05 was a Monday: day numbers from there, floored by 7.
        case .week: return Self.floorDivide(date.daysSinceEpoch - 4, 7)
        case .month: return date.year * 12 + date.month - 1
        }
    }

    /// The `YYYY-MM-DD` date the period of an ordinal starts.
    func start(of ordinal: Int) -> String {
        let date: CalendarDate?
        switch period {
        case .day: date = CalendarDate(daysSinceEpoch: ordinal)
        case .week: date = CalendarDate(daysSinceEpoch: ordinal * 7 + 4)
        case .month: date = CalendarDate(year: Self.floorDivide(ordinal, 12), month: ordinal - Self.floorDivide(ordinal, 12) * 12 + 1, day: 1)
        }
        return date?.description ?? "period \(ordinal)"
    }

    /// The ordinal of the period a moment falls in, in a time zone.
    func ordinal(at moment: Timestamp, calendar: PeriodCalendar) -> Int? {
        let (micros, overflow) = moment.seconds.multipliedReportingOverflow(by: 1_000_000)
        guard !overflow else { return nil }
        return ordinal(of: calendar.start(of: period, microseconds: micros))
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
