extension IPAddress {
    /// Four decimal parts `0`–`255`, no leading zeros, nothing else.
    static func parseIPv4(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var address: UInt32 = 0
        for part in parts {
            guard let octet = decimalOctet(part) else { return nil }
            address = address << 8 | UInt32(octet)
        }
        return address
    }

    static func decimalOctet(_ part: Substring) -> UInt8? {
        let digits = part.utf8
        guard (1...3).contains(digits.count), digits.count == 1 || digits.first != UInt8(ascii: "0") else { return nil }
        var value: UInt16 = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + UInt16(digit - UInt8(ascii: "0"))
        }
        return value <= 255 ? UInt8(value) : nil
    }

    /// RFC 4291 text: up to eight groups of 1–4 hex digits, at most one `::`, an optional dotted
    /// IPv4 address in place of the last two groups.
    static func parseIPv6(_ text: String) -> (high: UInt64, low: UInt64)? {
        guard text.utf8.count <= 45, text.contains(":") else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        guard let head = groups(halves[0], allowIPv4Tail: halves.count == 1) else { return nil }
        var words: [UInt16]
        if halves.count == 2 {
            guard let tail = groups(halves[1], allowIPv4Tail: true), head.count + tail.count <= 7 else { return nil }
            words = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard head.count == 8 else { return nil }
            words = head
        }
        let high = words[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = words[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (high, low)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }

    /// The groups of one side of `::` (empty text is no group).
    private static func groups(_ text: String, allowIPv4Tail: Bool) -> [UInt16]? {
        if text.isEmpty { return [] }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var words: [UInt16] = []
        for (index, part) in parts.enumerated() {
            if index == parts.count - 1, allowIPv4Tail, part.contains(".") {
                guard let address = parseIPv4(part) else { return nil }
                words.append(UInt16(truncatingIfNeeded: address >> 16))
                words.append(UInt16(truncatingIfNeeded: address))
            } else {
                guard (1...4).contains(part.utf8.count), part.utf8.allSatisfy(isHexDigit), let word = UInt16(part, radix: 16) else { return nil }
                words.append(word)
            }
        }
        return words
    }
}
