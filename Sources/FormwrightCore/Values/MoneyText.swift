/// Exact money amounts: decimal text ⇄ integer minor units at a given scale, never via a binary float.
public enum MoneyText {
    /// Why a text is not an amount.
    public enum Problem: Error, Sendable, Hashable {
        /// Not a decimal number such as `1234.50` or `-3`.
        case notANumber
        /// More decimal places than the scale allows.
        case tooManyDecimals(scale: Int)
        /// Too large to hold.
        case outOfRange
    }

    /// The amount in minor units: `"1234.5"` at scale 2 is `123450`.
    public static func minorUnits(_ text: String, scale: Int) -> Result<Int64, Problem> {
        var scalars = Substring(text.trimmingSpaces).unicodeScalars[...]
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var decimals = 0
        var sawDigit = false
        var sawPoint = false
        for scalar in scalars {
            if scalar == "." {
                guard !sawPoint else { return .failure(.notANumber) }
                sawPoint = true
                continue
            }
            guard ("0"..."9").contains(scalar) else { return .failure(.notANumber) }
            sawDigit = true
            let digit = Int64(scalar.value - 48)
            if sawPoint {
                decimals += 1
                if decimals > scale {
                    if digit != 0 { return .failure(.tooManyDecimals(scale: scale)) }
                    continue
                }
                fraction = fraction * 10 + digit
            } else {
                let (times, overflow1) = whole.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(digit)
                guard !overflow1, !overflow2 else { return .failure(.outOfRange) }
                whole = sum
            }
        }
        guard sawDigit else { return .failure(.notANumber) }
        for _ in min(decimals, scale)..<scale { fraction *= 10 }
        var factor: Int64 = 1
        for _ in 0..<scale { factor *= 10 }
        let (scaled, overflow1) = whole.multipliedReportingOverflow(by: factor)
        let (total, overflow2) = scaled.addingReportingOverflow(fraction)
        guard !overflow1, !overflow2 else { return .failure(.outOfRange) }
        return .success(negative ? -total : total)
    }

    /// The decimal text of an amount: `123450` at scale 2 is `"1234.50"`.
    public static func format(_ minorUnits: Int64, scale: Int) -> String {
        let negative = minorUnits < 0
        let digits = String(minorUnits.magnitude)
        guard scale > 0 else { return (negative ? "-" : "") + digits }
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + padded[..<split] + "." + padded[split...]
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        var slice = self[...]
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return slice
    }
}
