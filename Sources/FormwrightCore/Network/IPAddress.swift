/// An IPv4 or IPv6 address, parsed from text or built from its bytes, and the kind of
/// destination it names.
///
/// Outbound calls use it to refuse loopback, private and link-local destinations:
///
/// ```swift
/// IPAddress("169.254.169.254")?.scope       // .linkLocal (cloud metadata)
/// IPAddress("::ffff:127.0.0.1")?.scope      // .loopback (an IPv4-mapped address)
/// IPAddress("93.184.215.14")?.isPublic      // true
/// ```
///
/// The text forms accepted are strict: IPv4 as four decimal parts `0`–`255` without leading
/// zeros, IPv6 as RFC 4291 groups with at most one `::` and an optional dotted IPv4 tail, no
/// zone. Anything else (`0177.0.0.1`, `2130706433`) is not an address literal here; a caller
/// that treats such text as a host name resolves it and classifies the resolved bytes.
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// An IPv4 address, most significant byte first.
    case v4(UInt32)
    /// An IPv6 address as two halves, most significant first.
    case v6(high: UInt64, low: UInt64)

    /// Parses an IPv4 or IPv6 address literal (an IPv6 one without brackets), or nil.
    public init?(_ text: String) {
        if let address = IPAddress.parseIPv4(Substring(text)) {
            self = .v4(address)
        } else if let (high, low) = IPAddress.parseIPv6(text) {
            self = .v6(high: high, low: low)
        } else {
            return nil
        }
    }

    /// Builds an address from its 4 (IPv4) or 16 (IPv6) network-order bytes, or nil for another count.
    public init?(bytes: [UInt8]) {
        switch bytes.count {
        case 4:
            self = .v4(bytes.reduce(0) { $0 << 8 | UInt32($1) })
        case 16:
            let high = bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
            let low = bytes[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
            self = .v6(high: high, low: low)
        default:
            return nil
        }
    }

    /// The address as it is written in text: dotted IPv4, or IPv6 in RFC 5952's shortest form.
    public var description: String {
        switch self {
        case .v4(let address):
            return IPAddress.dotted(address)
        case .v6(let high, let low):
            let groups = (0..<8).map { index -> UInt16 in
                let half = index < 4 ? high : low
                return UInt16(truncatingIfNeeded: half >> UInt64((3 - index % 4) * 16))
            }
            return IPAddress.compressed(groups)
        }
    }

    /// The address as a URL host: IPv6 in brackets.
    public var urlHost: String {
        switch self {
        case .v4: description
        case .v6: "[" + description + "]"
        }
    }

    /// The IPv4 address an IPv6 address carries and stands for, if any: IPv4-mapped
    /// (`::ffff:a.b.c.d`), the well-known NAT64 prefix (`64:ff9b::a.b.c.d`) and 6to4 (`2002:AABB:CCDD::/48`).
    public var embeddedIPv4: UInt32? {
        guard case .v6(let high, let low) = self else { return nil }
        let lowWord = UInt32(truncatingIfNeeded: low)
        if high == 0, low >> 32 == 0xFFFF { return lowWord }
        if high == 0x0064_FF9B_0000_0000, low >> 32 == 0 { return lowWord }
        if high >> 48 == 0x2002 { return UInt32(truncatingIfNeeded: high >> 16) }
        return nil
    }

    static func dotted(_ address: UInt32) -> String {
        (0..<4).map { String(address >> UInt32((3 - $0) * 8) & 0xFF) }.joined(separator: ".")
    }

    /// RFC 5952: lower-case hex without leading zeros, the longest run of two or more zero groups
    /// (the first when tied) written `::`.
    static func compressed(_ groups: [UInt16]) -> String {
        var bestStart = -1
        var bestLength = 0
        var runStart = -1
        for index in 0...groups.count {
            if index < groups.count, groups[index] == 0 {
                if runStart < 0 { runStart = index }
            } else if runStart >= 0 {
                if index - runStart > bestLength {
                    bestStart = runStart
                    bestLength = index - runStart
                }
                runStart = -1
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestLength >= 2 else { return hex.joined(separator: ":") }
        let head = hex[0..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }
}
