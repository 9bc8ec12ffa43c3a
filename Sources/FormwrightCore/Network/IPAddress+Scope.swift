/// The kind of destination an address names, as far as outbound calls care.
public enum AddressScope: Sendable, Hashable, CaseIterable {
    /// Reachable on the public internet.
    case global
    /// The machine itself: 127.0.0.0/8, ::1.
    case loopback
    /// A private network: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16.
    case privateNetwork
    /// Carrier-grade NAT space, 100.64.0.0/10, used inside cloud and ISP networks.
    case sharedAddressSpace
    /// Link-local: 169.254.0.0/16 (cloud metadata at 169.254.169.254 included), fe80::/10.
    case linkLocal
    /// IPv6 unique-local, fc00::/7 (IPv6's private networks).
    case uniqueLocal
    /// "This network" or no address: 0.0.0.0/8, ::.
    case unspecified
    /// Multicast: 224.0.0.0/4, ff00::/8.
    case multicast
    /// Reserved for future use or broadcast (240.0.0.0/4, 255.255.255.255), and IPv6 ranges that
    /// are not unicast destinations (every other address in ::/64, site-local fec0::/10).
    case reserved

    /// The kind as a message names it: `a loopback address`, `a private address`, …
    public var phrase: String {
        switch self {
        case .global: "a public address"
        case .loopback: "a loopback address"
        case .privateNetwork: "a private address"
        case .sharedAddressSpace: "a shared (carrier-grade NAT) address"
        case .linkLocal: "a link-local address"
        case .uniqueLocal: "a unique-local address"
        case .unspecified: "an unspecified address"
        case .multicast: "a multicast address"
        case .reserved: "a reserved address"
        }
    }
}

extension IPAddress {
    /// The kind of destination; an IPv6 address carrying an IPv4 one (mapped, NAT64, 6to4) has
    /// the scope of the IPv4 address it carries.
    public var scope: AddressScope {
        if let embedded = embeddedIPv4 { return IPAddress.scope(ofIPv4: embedded) }
        switch self {
        case .v4(let address): return IPAddress.scope(ofIPv4: address)
        case .v6(let high, let low): return IPAddress.scope(ofIPv6High: high, low: low)
        }
    }

    /// True when the address is a global unicast destination, the only kind an outbound call
    /// reaches without `allow_private`.
    public var isPublic: Bool { scope == .global }

    static func scope(ofIPv4 address: UInt32) -> AddressScope {
        func within(_ network: UInt32, _ prefix: UInt32) -> Bool {
            address >> (32 - prefix) == network >> (32 - prefix)
        }
        if within(0x0000_0000, 8) { return .unspecified }
        if within(0x7F00_0000, 8) { return .loopback }
        if within(0x0A00_0000, 8) || within(0xAC10_0000, 12) || within(0xC0A8_0000, 16) { return .privateNetwork }
        if within(0x6440_0000, 10) { return .sharedAddressSpace }
        if within(0xA9FE_0000, 16) { return .linkLocal }
        if within(0xE000_0000, 4) { return .multicast }
        if within(0xF000_0000, 4) { return .reserved }
        return .global
    }

    static func scope(ofIPv6High high: UInt64, low: UInt64) -> AddressScope {
        if high == 0 {
            if low == 0 { return .unspecified }
            if low == 1 { return .loopback }
            return .reserved
        }
        let top16 = high >> 48
        if top16 & 0xFF00 == 0xFF00 { return .multicast }
        if top16 & 0xFFC0 == 0xFE80 { return .linkLocal }
        if top16 & 0xFFC0 == 0xFEC0 { return .reserved }
        if top16 & 0xFE00 == 0xFC00 { return .uniqueLocal }
        return .global
    }
}
