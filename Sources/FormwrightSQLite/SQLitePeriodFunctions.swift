import FormwrightStorage
import GRDB

/// The SQL functions SQLite lacks for grouping by calendar periods, registered on every
/// connection: SQLite knows neither time zones nor ISO weeks, so the period start is computed
/// in Swift by ``PeriodCalendar``, the same code the in-memory store uses.
///
/// - `formwright_timestamp_period(micros, period, zone)`: the start (`YYYY-MM-DD`) of the day,
///   week or month a stored timestamp falls in, in the IANA zone `zone`.
/// - `formwright_date_period(date, period)`: the start of the period a stored date falls in.
///
/// Both give `NULL` for a `NULL` value.
enum SQLitePeriodFunctions {
    /// The name of the timestamp function.
    static let timestampPeriod = "formwright_timestamp_period"
    /// The name of the date function.
    static let datePeriod = "formwright_date_period"

    /// Adds both functions to a connection.
    static func register(in db: Database) {
        db.add(function: timestamp)
        db.add(function: date)
    }

    private static let timestamp = DatabaseFunction(timestampPeriod, argumentCount: 3, pure: true) { arguments in
        guard let micros = Int64.fromDatabaseValue(arguments[0]) else { return nil }
        guard let name = String.fromDatabaseValue(arguments[1]), let period = DatePeriod(rawValue: name),
            let zone = String.fromDatabaseValue(arguments[2])
        else { throw DatabaseError(message: "\(timestampPeriod) takes a timestamp, 'day', 'week' or 'month', and a time zone") }
        return try PeriodCalendar(timeZone: zone).start(of: period, microseconds: micros)
    }

    private static let date = DatabaseFunction(datePeriod, argumentCount: 2, pure: true) { arguments in
        guard let text = String.fromDatabaseValue(arguments[0]) else { return nil }
        guard let name = String.fromDatabaseValue(arguments[1]), let period = DatePeriod(rawValue: name),
            let start = PeriodCalendar.start(of: period, date: text)
        else { throw DatabaseError(message: "\(datePeriod) takes a date spelled YYYY-MM-DD and 'day', 'week' or 'month'") }
        return start
    }
}
