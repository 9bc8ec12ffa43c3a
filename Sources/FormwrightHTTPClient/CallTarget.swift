import FormwrightCore
import FormwrightRuntime

/// The parts of an integration URL the address guard needs: scheme, host, port and the rest.
///
/// Only absolute `http` and `https` URLs with an ASCII host are accepted; user information
/// (`user:password@`) is refused, since credentials belong in a header marked secret. The
/// fragment is dropped, as HTTP never sends it.
struct CallTarget: Sendable, Hashable {
    /// `http` or `https`.
    let scheme: String
    /// The host in lower case, an IPv6 literal without its brackets.
    let host: String
    /// The host's address when the URL names one literally.
    let literal: IPAddress?
    /// The port, explicit or the scheme's default.
    let port: Int
    /// Whether the URL names the port.
    let explicitPort: Bool
    /// The path and query, starting with `/`.
    let pathAndQuery: String

    init(url: String) throws(IntegrationFailure) {
        func invalid(_ why: String) -> IntegrationFailure { IntegrationFailure(.invalidURL, "the URL is not valid: \(why)") }
        guard let schemeEnd = url.range(of: "://") else { throw invalid("it must start with http:// or https://") }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw invalid("it must start with http:// or https://") }
        guard !url.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }) else {
            throw invalid("it contains a space or a control character")
        }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard !authority.contains("@") else { throw invalid("it holds user information; send credentials in a header marked secret") }

        var hostText: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("an IPv6 address is not closed with ']'") }
            hostText = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw invalid("unexpected text after the IPv6 address") }
                portText = after.dropFirst()
            }
            guard IPAddress(String(hostText)).map({ if case .v6 = $0 { true } else { false } }) == true else {
                throw invalid("'\(hostText)' is not an IPv6 address")
            }
        } else {
            let colon = authority.firstIndex(of: ":")
            hostText = authority[..<(colon ?? authority.endIndex)]
            portText = colon.map { authority[authority.index(after: $0)...] }
        }
        guard !hostText.isEmpty else { throw invalid("it names no host") }
        guard authority.hasPrefix("[") || hostText.utf8.allSatisfy(CallTarget.isHostByte) else {
            throw invalid(
                "the host '\(hostText)' may hold only ASCII letters, digits, '-', '_' and '.' (write an international name in its xn-- form)")
        }

        let defaultPort = scheme == "https" ? 443 : 80
        if let portText {
            guard (1...5).contains(portText.utf8.count), portText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let port = Int(portText), (1...65535).contains(port)
            else { throw invalid("the port '\(portText)' is not a number from 1 to 65535") }
            self.port = port
        } else {
            self.port = defaultPort
        }
        self.explicitPort = portText != nil
        self.scheme = scheme
        self.host = hostText.lowercased()
        self.literal = IPAddress(self.host)
        let remainder = rest[authorityEnd...]
        let withoutFragment = remainder[..<(remainder.firstIndex(of: "#") ?? remainder.endIndex)]
        self.pathAndQuery = withoutFragment.hasPrefix("/") ? String(withoutFragment) : "/" + withoutFragment
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    /// The host as a URL or `Host` header writes it: an IPv6 literal in brackets.
    var urlHost: String { literal?.urlHost ?? host }

    /// `host` or `host:port` when the URL named a port: the `Host` header for this target.
    var hostHeader: String { explicitPort ? "\(urlHost):\(port)" : urlHost }

    /// The URL with the host as written.
    var url: String { "\(scheme)://\(hostHeader)\(pathAndQuery)" }

    /// The URL with the host replaced by an address, and the port always named.
    func url(connectingTo address: IPAddress) -> String {
        "\(scheme)://\(address.urlHost):\(port)\(pathAndQuery)"
    }
}
