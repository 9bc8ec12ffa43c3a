import Foundation

/// Decides whether an outbound call may go to an address without `allow_private: true`.
///
/// The checker applies it to the host written in an http integration's url; the engine applies
/// it again to every address a host name resolves to, at call time. Refused:
///
/// - IPv4 `0.0.0.0/8`, `10.0.0.0/8`, `100.64.0.0/10`, `127.0.0.0/8`, `169.254.0.0/16` (cloud metadata
///   `169.254.169.254` included), `172.16.0.0/12`, `192.168.0.0/16`, and `224.0.0.0/3` (multicast,
///   reserved, broadcast), in every form a URL parser reads (`2130706433`, `0x7f.1`, `0177.0.0.1`);
/// - IPv6 `::` and `::1`, `fc00::/7`, `fe80::/10`, `fec0::/10`, `ff00::/8`, and IPv4 addresses carried
///   inside IPv6 (`::ffff:127.0.0.1`, `::127.0.0.1`, `64:ff9b::/96`, `2002::/16`) by the IPv4 rules;
/// - the names `localhost` and `*.localhost`, names ending in `.local` or `.internal`
///   (`metadata.google.internal`), and names without a dot, which resolve inside the local network.
public enum OutboundAddress {
    /// Why calls to `host` are refused, as a phrase ("a loopback address"), or nil when they are not.
    ///
    /// - Parameter host: a host name, an IPv4 address, or an IPv6 address with or without brackets.
    public static func refusal(forHost host: String) -> String? {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.contains(":") {
            guard let address = ipv6Bytes(name) else { return "not a valid IPv6 address" }
            return refusal(forIPv6: address)
        }
        while name.hasSuffix(".") { name.removeLast() }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if let last = labels.last, isNumericLabel(last) {
            guard let address = ipv4Bytes(labels) else { return "not an address that every URL parser reads the same way" }
            return refusal(forIPv4: address)
        }
        if name == "localhost" || name.hasSuffix(".localhost") { return "a name for this machine" }
        if name.hasSuffix(".local") || name.hasSuffix(".internal") { return "a name inside the local network" }
        if !name.contains(".") { return "a name without a dot, which resolves inside the local network" }
        return nil
    }

    /// Why calls to an IPv4 address (4 bytes) are refused, or nil.
    public static func refusal(forIPv4 bytes: [UInt8]) -> String? {
        guard bytes.count == 4 else { return "not an IPv4 address" }
        switch (bytes[0], bytes[1]) {
        case (0, _): return "an address of this network (0.0.0.0/8)"
        case (10, _), (172, 16...31), (192, 168): return "a private address"
        case (100, 64...127): return "a shared address of a carrier's network (100.64.0.0/10)"
        case (127, _): return "a loopback address"
        case (169, 254): return "a link-local address, where cloud metadata services answer"
        case (224...255, _): return "a multicast, reserved or broadcast address"
        default: return nil
        }
    }

    /// Why calls to an IPv6 address (16 bytes) are refused, or nil.
    public static func refusal(forIPv6 bytes: [UInt8]) -> String? {
        guard bytes.count == 16 else { return "not an IPv6 address" }
        if bytes.allSatisfy({ $0 == 0 }) { return "the unspecified address" }
        if bytes[0..<15].allSatisfy({ $0 == 0 }), bytes[15] == 1 { return "a loopback address" }
        if bytes[0] & 0xfe == 0xfc { return "a private (unique local) address" }
        if bytes[0] == 0xfe, bytes[1] & 0xc0 == 0x80 { return "a link-local address" }
        if bytes[0] == 0xfe, bytes[1] & 0xc0 == 0xc0 { return "a private (site-local) address" }
        if bytes[0] == 0xff { return "a multicast address" }
        let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
        let compatible = bytes[0..<12].allSatisfy { $0 == 0 }
        let translated = bytes[0..<12] == [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0][...]
        if mapped || compatible || translated { return refusal(forIPv4: Array(bytes[12..<16])) }
        if bytes[0] == 0x20, bytes[1] == 0x02 { return refusal(forIPv4: Array(bytes[2..<6])) }
        return nil
    }

    /// Whether a label is a number as URL parsers read IPv4 parts: decimal, or hexadecimal after `0x`.
    static func isNumericLabel(_ label: Substring) -> Bool {
        let lower = label.lowercased()
        if lower.hasPrefix("0x") { return lower.dropFirst(2).allSatisfy(\.isHexDigit) }
        return !label.isEmpty && label.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The bytes of an IPv4 address written in one to four parts, each decimal, octal (leading `0`)
    /// or hexadecimal (`0x`), the last part filling the remaining bytes; nil when it is not one.
    static func ipv4Bytes(_ labels: [Substring]) -> [UInt8]? {
        guard (1...4).contains(labels.count) else { return nil }
        var numbers: [UInt64] = []
        for label in labels {
            var digits = Substring(label.lowercased())
            var radix: UInt64 = 10
            if digits.hasPrefix("0x") {
                digits = digits.dropFirst(2)
                radix = 16
            } else if digits.count > 1, digits.hasPrefix("0") {
                digits = digits.dropFirst()
                radix = 8
            }
            guard digits.count <= 12 else { return nil }
            var value: UInt64 = 0
            for character in digits {
                guard let digit = character.hexDigitValue, UInt64(digit) < radix else { return nil }
                value = value * radix + UInt64(digit)
            }
            numbers.append(value)
        }
        guard let last = numbers.last, numbers.dropLast().allSatisfy({ $0 <= 255 }) else { return nil }
        let remaining = 5 - numbers.count
        guard last < UInt64(1) << UInt64(8 * remaining) else { return nil }
        var bytes = numbers.dropLast().map { UInt8($0) }
        for index in (0..<remaining).reversed() { bytes.append(UInt8((last >> UInt64(8 * index)) & 0xff)) }
        return bytes
    }

    /// The bytes of an IPv6 address (`::1`, `fe80::1%eth0`, `::ffff:127.0.0.1`); nil when it is not one.
    static func ipv6Bytes(_ text: String) -> [UInt8]? {
        let address = text.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains(".") {
                    guard let bytes = ipv4Bytes(piece.split(separator: ".", omittingEmptySubsequences: false)),
                        piece.split(separator: ".").count == 4
                    else { return nil }
                    result.append(UInt16(bytes[0]) << 8 | UInt16(bytes[1]))
                    result.append(UInt16(bytes[2]) << 8 | UInt16(bytes[3]))
                    continue
                }
                guard (1...4).contains(piece.count), let group = UInt16(piece, radix: 16) else { return nil }
                result.append(group)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
    }
}
