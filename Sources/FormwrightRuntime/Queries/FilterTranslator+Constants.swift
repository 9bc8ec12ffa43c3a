import FormwrightCore
import FormwrightDefinition
import FormwrightStorage

extension FilterTranslator {
    /// 2^53: below it in magnitude, every whole double is an integer that converts back exactly.
    static let exactIntegerLimit = 9_007_199_254_740_992.0

    /// 2^51: below it in magnitude, neighbouring amounts in minor units stay distinct doubles once
    /// divided by the scale, so an order on minor units is the order CEL sees on amounts.
    static let exactMinorUnitsLimit: UInt64 = 1 << 51

    /// A constant as the field stores it, when the field's stored values compare with it exactly
    /// as CEL compares the field's expression values with it; nil otherwise.
    ///
    /// - Parameters:
    ///   - constant: a non-null value from the filter.
    ///   - field: the field it is compared with.
    func stored(_ constant: Value, for field: FieldDefinition) -> ColumnValue? {
        switch field.type {
        case .text, .longtext, .email, .phone, .url, .choice, .link:
            guard case .string(let text) = constant, !text.utf8.contains(0) else { return nil }
            return .text(text)
        case .boolean:
            guard case .bool(let flag) = constant else { return nil }
            return .integer(flag ? 1 : 0)
        case .integer:
            switch constant {
            case .int(let number): return .integer(number)
            case .uint(let number): return Int64(exactly: number).map(ColumnValue.integer)
            case .double(let number):
                // CEL compares an int with a double as doubles; that is exact only where every int is.
                guard abs(number) < Self.exactIntegerLimit, let whole = Int64(exactly: number) else { return nil }
                return .integer(whole)
            default: return nil
            }
        case .number:
            guard let number = Self.exactDouble(constant) else { return nil }
            return .real(number)
        case .money:
            guard let amount = Self.exactDouble(constant), case .success(.int(let minor)) = values.storedValue(.double(amount), of: field),
                minor.magnitude < Self.exactMinorUnitsLimit, case .double(let back) = values.expressionValue(.int(minor), of: field),
                back == amount
            else { return nil }
            return .integer(minor)
        case .date:
            // A date is the timestamp its day starts at: only such a timestamp names a stored date exactly.
            guard case .timestamp(let time) = constant, let day = values.date(of: time), values.startOfDay(day) == time else { return nil }
            return .text(day.description)
        case .datetime:
            guard case .timestamp(let time) = constant, time.nanos % 1_000 == 0, let micros = ColumnType.microseconds(time) else { return nil }
            return .integer(micros)
        case .multichoice:
            return nil
        }
    }

    /// A finite number as the double it equals exactly; nil for other values and inexact integers.
    static func exactDouble(_ value: Value) -> Double? {
        let number: Double? =
            switch value {
            case .double(let number): number
            case .int(let number): Double(exactly: number)
            case .uint(let number): Double(exactly: number)
            default: nil
            }
        return number.flatMap { $0.isFinite ? $0 : nil }
    }
}
