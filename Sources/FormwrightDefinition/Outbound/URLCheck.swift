import FormwrightCore
import Foundation

/// Checks the part of an http integration's url that is written out, before any call: the
/// scheme, and the host when no `{{ }}` hole stands in it. A host that holds a hole, or a url that
/// starts with one, is decided at call time, where the engine checks the address it resolves to.
struct URLCheck {
    /// A problem with its scalar offsets in the url text.
    struct Finding: Equatable {
        let range: Range<Int>
        let id: DefinitionDiagnosticID
        let message: String
    }

    /// The url's text.
    let scalars: [Unicode.Scalar]
    /// How many scalars are written out before the first hole (all of them without holes).
    let literalCount: Int
    /// Whether the url has no holes at all.
    let isWholeLiteral: Bool

    /// The findings; empty when the written part is fine.
    func findings(allowPrivate: Bool) -> [Finding] {
        guard literalCount > 0 else { return [] }
        let prefix = String(String.UnicodeScalarView(scalars[0..<literalCount])).lowercased()
        let scheme = ["https://", "http://"].first { prefix.hasPrefix($0) }
        guard let scheme else {
            let end = scalars[0..<literalCount].firstIndex(of: "/") ?? literalCount
            return [
                Finding(range: 0..<max(end, 1), id: .invalidURL, message: "the url must start with 'http://' or 'https://', or with a '{{ }}' hole")
            ]
        }
        let start = scheme.unicodeScalars.count
        let end = scalars[start..<literalCount].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" }
        guard let authorityEnd = end ?? (isWholeLiteral ? literalCount : nil) else { return [] }
        guard authorityEnd > start else { return [Finding(range: 0..<start, id: .invalidURL, message: "the url has no host after '\(scheme)'")] }
        let authority = scalars[start..<authorityEnd]
        if let at = authority.lastIndex(of: "@") {
            return [
                Finding(
                    range: start..<(at + 1), id: .invalidURL,
                    message: "the url holds a user name or password before '@'; send credentials in a header read from 'env' instead")
            ]
        }
        var hostEnd = authorityEnd
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else {
                return [Finding(range: start..<authorityEnd, id: .invalidURL, message: "the url's IPv6 host needs a closing ']'")]
            }
            hostEnd = close + 1
        } else if let colon = authority.firstIndex(of: ":") {
            hostEnd = colon
        }
        if hostEnd < authorityEnd {
            let port = String(String.UnicodeScalarView(scalars[(hostEnd + 1)..<authorityEnd]))
            guard scalars[hostEnd] == ":", let number = Int(port), (1...65535).contains(number), port.allSatisfy(\.isNumber) else {
                return [Finding(range: hostEnd..<authorityEnd, id: .invalidURL, message: "the url's port must be a number from 1 to 65535")]
            }
        }
        let hostRange = start..<hostEnd
        guard let host = String(String.UnicodeScalarView(scalars[hostRange])).removingPercentEncoding, !host.isEmpty else {
            return [Finding(range: hostRange, id: .invalidURL, message: "the url's host is not valid")]
        }
        guard !allowPrivate, let reason = OutboundAddress.refusal(forHost: host) else { return [] }
        return [
            Finding(
                range: hostRange, id: .privateAddress,
                message: "the url calls '\(host)', \(reason); such calls are refused unless the integration says 'allow_private: true'")
        ]
    }
}
