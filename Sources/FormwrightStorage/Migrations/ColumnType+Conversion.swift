public import FormwrightCore
import Foundation

extension ColumnType {
    /// Whether every value of a column of this type converts to `target` without losing anything.
    ///
    /// Widening: integer → double (whole numbers up to 2^53 stay exact), a link or a date → text
    /// (the id or the `YYYY-MM-DD` text is kept). Text, long text, choice, email, phone and url
    /// fields share one text column, so changing between them needs no step at all.
    public func widens(to target: ColumnType) -> Bool {
        switch (self, target) {
        case (.integer, .double), (.link, .text), (.date, .text): true
        default: self == target
        }
    }

    /// A value of this type converted to `target`, or nil when it has no faithful counterpart there.
    ///
    /// Used by type-changing migration steps: a nil result empties the field of that record.
    ///
    /// - Parameters:
    ///   - value: a value as a column of this type holds it.
    ///   - target: the new type.
    public func convert(_ value: Value, to target: ColumnType) -> Value? {
        if case .null = value { return .null }
        if self == target { return value }
        switch target {
        case .text: return text(of: value)
        case .integer: return integer(of: value)
        case .double: return double(of: value)
        case .boolean: return boolean(of: value)
        case .money(let scale): return money(of: value, scale: scale)
        case .date: return date(of: value)
        case .timestamp: return timestamp(of: value)
        case .textList:
            if case .list = value { return value }
            return text(of: value).map { .list([$0]) }
        case .link:
            if case .string = value { return value }
            return nil
        }
    }

    private func text(of value: Value) -> Value? {
        switch (self, value) {
        case (_, .string): value
        case (.money(let scale), .int(let minor)): .string(MoneyText.format(minor, scale: scale))
        case (_, .int(let number)): .string(String(number))
        case (_, .double(let number)): .string(String(number))
        case (_, .bool(let flag)): .string(flag ? "true" : "false")
        case (_, .timestamp(let time)): .string(time.rfc3339)
        case (_, .list(let items)):
            .string(items.map { if case .string(let item) = $0 { item } else { "" } }.joined(separator: ", "))
        default: nil
        }
    }

    private func integer(of value: Value) -> Value? {
        switch (self, value) {
        case (.money(let scale), .int(let minor)):
            guard let factor = Self.power(scale), minor % factor == 0 else { return nil }
            return .int(minor / factor)
        case (_, .int): return value
        case (_, .double(let number)):
            guard number.rounded() == number, let whole = Int64(exactly: number) else { return nil }
            return .int(whole)
        case (_, .string(let text)): return Int64(text.trimmingCharacters(in: .whitespaces)).map(Value.int)
        case (_, .bool(let flag)): return .int(flag ? 1 : 0)
        default: return nil
        }
    }

    private func double(of value: Value) -> Value? {
        switch (self, value) {
        case (.money(let scale), .int(let minor)):
            guard let factor = Self.power(scale) else { return nil }
            return .double(Double(minor) / Double(factor))
        case (_, .int(let number)): return .double(Double(number))
        case (_, .string(let text)):
            guard let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite else { return nil }
            return .double(number)
        default: return nil
        }
    }

    private func boolean(of value: Value) -> Value? {
        switch value {
        case .int(0), .string("false"): .bool(false)
        case .int(1), .string("true"): .bool(true)
        default: nil
        }
    }

    private func money(of value: Value, scale: Int) -> Value? {
        guard let factor = Self.power(scale) else { return nil }
        switch (self, value) {
        case (.money(let oldScale), .int(let minor)):
            guard let oldFactor = Self.power(oldScale) else { return nil }
            if scale >= oldScale {
                let (scaled, overflow) = minor.multipliedReportingOverflow(by: factor / oldFactor)
                return overflow ? nil : .int(scaled)
            }
            let divisor = oldFactor / factor
            return minor % divisor == 0 ? .int(minor / divisor) : nil
        case (_, .int(let number)):
            let (scaled, overflow) = number.multipliedReportingOverflow(by: factor)
            return overflow ? nil : .int(scaled)
        case (_, .double(let number)):
            let scaled = number * Double(factor)
            guard scaled.rounded() == scaled, let minor = Int64(exactly: scaled) else { return nil }
            return .int(minor)
        case (_, .string(let text)):
            guard case .success(let minor) = MoneyText.minorUnits(text, scale: scale) else { return nil }
            return .int(minor)
        default: return nil
        }
    }

    private func date(of value: Value) -> Value? {
        switch value {
        case .string(let text): CalendarDate(text) == nil ? nil : value
        case .timestamp(let time):
            Int(exactly: time.seconds.quotientRoundingDown(by: 86_400)).flatMap { CalendarDate(daysSinceEpoch: $0) }.map { .string($0.description) }
        default: nil
        }
    }

    private func timestamp(of value: Value) -> Value? {
        guard case .string(let text) = value else { return nil }
        if let time = Timestamp(rfc3339: text) { return .timestamp(time) }
        guard let day = CalendarDate(text) else { return nil }
        let (seconds, overflow) = Int64(day.daysSinceEpoch).multipliedReportingOverflow(by: 86_400)
        return overflow ? nil : .timestamp(Timestamp(seconds: seconds))
    }

    /// 10^exponent for a money scale (0...18), or nil outside it.
    private static func power(_ exponent: Int) -> Int64? {
        guard (0...maximumMoneyScale).contains(exponent) else { return nil }
        var result: Int64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}

extension Int64 {
    /// The quotient rounded towards negative infinity (days before 1970 stay on their own day).
    fileprivate func quotientRoundingDown(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
