/// Formats doubles the way CEL's reference implementation prints them: shortest round-trip digits,
/// exponent notation below 1e-4 and from 1e21 up.
enum DoubleFormatting {
    static func shortest(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let description = "\(value.magnitude)"
        // Split Swift's shortest form into digits and a decimal exponent.
        var mantissa = description
        var exponent = 0
        if let marker = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(description[..<marker])
            exponent = Int(description[description.index(after: marker)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = parts.first.map(String.init) ?? ""
        let fractionPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = integerPart + fractionPart
        var pointPosition = integerPart.count + exponent
        while digits.hasPrefix("0"), digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
        let sign = value < 0 ? "-" : ""
        let decimalExponent = pointPosition - 1
        if decimalExponent < -4 || decimalExponent >= 21 {
            let head = String(digits.prefix(1))
            let tail = String(digits.dropFirst())
            let exponentText = (decimalExponent < 0 ? "-" : "+") + (abs(decimalExponent) < 10 ? "0" : "") + String(abs(decimalExponent))
            return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + exponentText
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count)
        }
        let index = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<index] + "." + digits[index...]
    }
}
