import FormwrightCore
import FormwrightStorage

/// A span of whole periods in the app's time zone, as a tile's window or its previous window.
public struct DashboardSpan: Sendable, Equatable {
    /// `day`, `week` or `month`.
    public let period: String
    /// How many periods the span holds.
    public let count: Int
    /// The first day of the span, `YYYY-MM-DD`.
    public let from: String
    /// The last day of the span, `YYYY-MM-DD`, inclusive.
    public let to: String
    /// The first day after the span, `YYYY-MM-DD`: the exclusive end the store compares with.
    let end: String
    /// The ordinals of the span's periods on its timeline, first to last.
    let ordinals: ClosedRange<Int>

    /// The span of `count` periods ending `periodsBack` periods before `current`, the one holding now.
    init(timeline: ForecastTimeline, current: Int, count: Int, periodsBack: Int = 0) {
        let last = current - periodsBack
        let first = last - (count - 1)
        period = timeline.period.rawValue
        self.count = count
        ordinals = first...last
        from = timeline.start(of: first)
        end = timeline.start(of: last + 1)
        to = CalendarDate(end).flatMap { CalendarDate(daysSinceEpoch: $0.daysSinceEpoch - 1) }?.description ?? end
    }

    /// The span as JSON: `{"period", "last", "from", "to"}`.
    var json: Value {
        .map(ValueMap([
            (.string("period"), .string(period)), (.string("last"), .int(Int64(count))), (.string("from"), .string(from)),
            (.string("to"), .string(to)),
        ]))
    }
}
