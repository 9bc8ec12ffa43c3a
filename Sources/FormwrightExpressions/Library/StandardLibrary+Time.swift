import FormwrightCore

extension StandardLibrary {
    static func toTimestamp(_ value: RuntimeValue) throws(EvaluationError) -> RuntimeValue {
        switch value {
        case .value(.timestamp): return value
        case .value(.string(let text)): return .value(.timestamp(try TimeCalculations.parseTimestamp(text)))
        case .value(.int(let seconds)): return .value(.timestamp(try TimeCalculations.checked(Timestamp(seconds: seconds))))
        default: throw mismatch(value)
        }
    }

    static func toDuration(_ value: RuntimeValue) throws(EvaluationError) -> RuntimeValue {
        switch value {
        case .value(.duration): return value
        case .value(.string(let text)): return .value(.duration(try TimeCalculations.parseDuration(text)))
        default: throw mismatch(value)
        }
    }

    /// The calendar fields of a timestamp in a time zone.
    struct CivilTime {
        let year: Int64
        let month: Int64
        let day: Int64
        let dayOfYear: Int64
        let dayOfWeek: Int64
        let hour: Int64
        let minute: Int64
        let second: Int64

        init(_ timestamp: Timestamp, zone: String?) throws(EvaluationError) {
            _ = try TimeCalculations.checked(timestamp)
            let offset = try zone.map { zone throws(EvaluationError) in try TimeCalculations.offset(zone: zone, at: timestamp.seconds) } ?? 0
            let local = timestamp.seconds + offset
            let days = TimeCalculations.floorDivide(local, 86400)
            let secondOfDay = local - days * 86400
            let date = TimeCalculations.civil(days: days)
            year = date.year
            month = date.month
            day = date.day
            dayOfYear = days - TimeCalculations.days(year: date.year, month: 1, day: 1)
            dayOfWeek = ((days % 7) + 11) % 7
            hour = secondOfDay / 3600
            minute = secondOfDay / 60 % 60
            second = secondOfDay % 60
        }
    }

    /// The overloads of one timestamp accessor: without a zone (UTC) and with one.
    static func accessor(_ name: String, _ field: @escaping @Sendable (CivilTime, Timestamp) -> Int64) -> [Overload] {
        [
            unary("timestamp_\(name)", .timestamp, .int, member: true) { a throws(EvaluationError) in
                guard case .value(.timestamp(let timestamp)) = a else { throw mismatch(a) }
                return .value(.int(field(try CivilTime(timestamp, zone: nil), timestamp)))
            },
            binary("timestamp_\(name)_with_tz", .timestamp, .string, .int, member: true) { a, b throws(EvaluationError) in
                guard case .value(.timestamp(let timestamp)) = a, case .value(.string(let zone)) = b else { throw mismatch(a, b) }
                return .value(.int(field(try CivilTime(timestamp, zone: zone), timestamp)))
            },
        ]
    }

    static func durationAccessor(_ name: String, _ field: @escaping @Sendable (TimeSpan) -> Int64) -> Overload {
        unary("duration_\(name)", .duration, .int, member: true) { a throws(EvaluationError) in
            guard case .value(.duration(let span)) = a else { throw mismatch(a) }
            return .value(.int(field(span)))
        }
    }

    static let time: [String: [Overload]] = [
        "timestamp": [
            unary("timestamp_to_timestamp", .timestamp, .timestamp, toTimestamp),
            unary("string_to_timestamp", .string, .timestamp, toTimestamp),
            unary("int64_to_timestamp", .int, .timestamp, toTimestamp),
        ],
        "duration": [
            unary("duration_to_duration", .duration, .duration, toDuration),
            unary("string_to_duration", .string, .duration, toDuration),
        ],
        "getFullYear": accessor("to_year") { civil, _ in civil.year },
        "getMonth": accessor("to_month") { civil, _ in civil.month - 1 },
        "getDayOfYear": accessor("to_day_of_year") { civil, _ in civil.dayOfYear },
        "getDayOfMonth": accessor("to_day_of_month") { civil, _ in civil.day - 1 },
        "getDate": accessor("to_day_of_month_1_based") { civil, _ in civil.day },
        "getDayOfWeek": accessor("to_day_of_week") { civil, _ in civil.dayOfWeek },
        "getHours": accessor("to_hours") { civil, _ in civil.hour } + [durationAccessor("to_hours") { $0.seconds / 3600 }],
        "getMinutes": accessor("to_minutes") { civil, _ in civil.minute } + [durationAccessor("to_minutes") { $0.seconds / 60 }],
        "getSeconds": accessor("to_seconds") { civil, _ in civil.second } + [durationAccessor("to_seconds") { $0.seconds }],
        "getMilliseconds": accessor("to_milliseconds") { _, timestamp in Int64(timestamp.nanos) / 1_000_000 }
            + [durationAccessor("to_milliseconds") { Int64($0.nanos) / 1_000_000 }],
    ]
}
