import FormwrightCore
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

    /// Why calls to an IPv4 address (4 bytes) are refused, or nil; the ranges are `IPAddress`'s scopes.
    public static func refusal(forIPv4 bytes: [UInt8]) -> String? {
        guard bytes.count == 4 else { return "not an IPv4 address" }
        return refusal(for: IPAddress(bytes: bytes))
    }

    /// Why calls to an IPv6 address (16 bytes) are refused, or nil; an IPv4 address carried
    /// inside one (mapped, NAT64, 6to4) is judged as that IPv4 address.
    public static func refusal(forIPv6 bytes: [UInt8]) -> String? {
        guard bytes.count == 16 else { return "not an IPv6 address" }
        return refusal(for: IPAddress(bytes: bytes))
    }

    private static func refusal(for address: IPAddress?) -> String? {
        guard let address, !address.isPublic else { return nil }
        if address.scope == .linkLocal, case .v4 = address {
            return "\(address.scope.phrase), where cloud metadata services answer"
        }
        return address.scope.phrase
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
        guard case .v6(let high, let low)? = IPAddress(String(address)) else { return nil }
        return (0..<16).map { index in UInt8(truncatingIfNeeded: (index < 8 ? high : low) >> UInt64(8 * (7 - index % 8))) }
    }
}
