import FormwrightCore
import FormwrightDefinition
import Foundation

/// Converts field values between how they are stored and how expressions see them.
///
/// Money is stored in whole minor units and seen as a `double` of whole units (`1234.5`); a date
/// is stored as `YYYY-MM-DD` and seen as the `timestamp` at which that day starts in the app's
/// time zone, so `follow_up_on > now` asks whether the day is still to come. Every other type is
/// the same value on both sides.
struct ExpressionValues: Sendable {
    let zone: TimeZone

    init(timezone: String) {
        zone = TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }

    /// Why an expression's result cannot be stored in its field.
    struct ConversionFailure: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static let powersOfTen: [Int64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// A stored value as expressions see it.
    func expressionValue(_ stored: Value, of field: FieldDefinition) -> Value {
        switch (field.type, stored) {
        case (.money, .int(let minor)):
            let scale = Self.powersOfTen[min(max(field.scale, 0), Self.powersOfTen.count - 1)]
            return .double(Double(minor) / Double(scale))
        case (.date, .string(let text)):
            guard let date = CalendarDate(text) else { return stored }
            return .timestamp(startOfDay(date))
        default:
            return stored
        }
    }

    /// An expression's result as the field stores it, or why it cannot be stored.
    func storedValue(_ result: Value, of field: FieldDefinition) -> Result<Value, ConversionFailure> {
        if result == .null { return .success(.null) }
        switch (field.type, result) {
        case (.text, .string), (.longtext, .string), (.email, .string), (.phone, .string), (.url, .string), (.choice, .string),
            (.link, .string), (.boolean, .bool), (.datetime, .timestamp), (.integer, .int):
            return .success(result)
        case (.integer, .uint(let number)):
            return number <= UInt64(Int64.max)
                ? .success(.int(Int64(number))) : .failure(ConversionFailure("\(number) is too large for a whole number"))
        case (.integer, .double(let number)):
            guard let whole = Int64(exactly: number) else { return .failure(ConversionFailure("\(number) is not a whole number")) }
            return .success(.int(whole))
        case (.number, .double(let number)):
            return number.isFinite ? .success(result) : .failure(ConversionFailure("the result is not a finite number"))
        case (.number, .int(let number)):
            return .success(.double(Double(number)))
        case (.number, .uint(let number)):
            return .success(.double(Double(number)))
        case (.money, .double), (.money, .int), (.money, .uint):
            return money(result, scale: field.scale)
        case (.date, .timestamp(let timestamp)):
            return date(of: timestamp).map { .success(.string($0.description)) }
                ?? .failure(ConversionFailure("the date is outside years 0001 to 9999"))
        case (.date, .string(let text)):
            return CalendarDate(text) != nil ? .success(result) : .failure(ConversionFailure("'\(text)' is not a date written YYYY-MM-DD"))
        case (.multichoice, .list(let items)):
            guard items.allSatisfy({ if case .string = $0 { true } else { false } }) else {
                return .failure(ConversionFailure("the list holds values that are not text"))
            }
            return .success(items.isEmpty ? .null : result)
        default:
            return .failure(ConversionFailure("a \(result.kindName) cannot be stored in \(field.type.rawValue) field '\(field.name.value)'"))
        }
    }

    /// An amount in whole units as minor units, rounded half away from zero to the field's scale.
    private func money(_ value: Value, scale: Int) -> Result<Value, ConversionFailure> {
        let factor = Self.powersOfTen[min(max(scale, 0), Self.powersOfTen.count - 1)]
        switch value {
        case .int(let units):
            let (minor, overflow) = units.multipliedReportingOverflow(by: factor)
            return overflow ? .failure(ConversionFailure("the amount is too large")) : .success(.int(minor))
        case .uint(let units):
            guard units <= UInt64(Int64.max) else { return .failure(ConversionFailure("the amount is too large")) }
            return money(.int(Int64(units)), scale: scale)
        case .double(let units):
            let scaled = (units * Double(factor)).rounded(.toNearestOrAwayFromZero)
            guard scaled.isFinite, let minor = Int64(exactly: scaled), abs(scaled) < 9.0e15 else {
                return .failure(ConversionFailure("the amount is not a finite number within range"))
            }
            return .success(.int(minor))
        default:
            return .failure(ConversionFailure("an amount must be a number"))
        }
    }

    /// The moment a day starts in the app's time zone.
    func startOfDay(_ date: CalendarDate) -> Timestamp {
        let local = Int64(date.daysSinceEpoch) * 86_400
        var guess = local - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local))))
        guess = local - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess))))
        return Timestamp(seconds: guess)
    }

    /// The day a moment falls on in the app's time zone.
    func date(of timestamp: Timestamp) -> CalendarDate? {
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(timestamp.seconds))))
        let (local, overflow) = timestamp.seconds.addingReportingOverflow(offset)
        guard !overflow else { return nil }
        let days = local / 86_400 - (local % 86_400 < 0 ? 1 : 0)
        guard let small = Int(exactly: days) else { return nil }
        return CalendarDate(daysSinceEpoch: small)
    }
}
