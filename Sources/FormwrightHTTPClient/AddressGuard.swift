import FormwrightCore
import FormwrightRuntime

/// Decides where a call may connect: refuses loopback, private, link-local and other non-public
/// addresses unless the call allows them, and pins plain-HTTP calls to the address it checked.
///
/// - A URL that names an address literally is checked as it is.
/// - A host name is resolved here (`HostResolver`) and every address it resolves to must be
///   public. For `http`, the request then goes to the first of the checked addresses, with the
///   name sent in the `Host` header, so the name cannot resolve differently between the check
///   and the connection (DNS rebinding). For `https`, the connection goes to the name, since
///   TLS needs it for SNI and for verifying the certificate; the certificate check is what
///   stops a rebinding there: a server at another address cannot prove it holds the name, so
///   the handshake fails before any request is sent.
/// - With `allowPrivate`, nothing is checked and the name is connected to as written.
struct AddressGuard: Sendable {
    let resolver: HostResolver

    /// Where to send the request: the URL to connect to, and the `Host` header to send when it
    /// differs from that URL's host.
    struct Destination: Sendable, Hashable {
        let url: String
        let hostHeader: String?
    }

    func destination(for target: CallTarget, allowPrivate: Bool) async throws(IntegrationFailure) -> Destination {
        if allowPrivate { return Destination(url: target.url, hostHeader: nil) }
        if let literal = target.literal {
            try check(literal, describedAs: literal.description)
            return Destination(url: target.url, hostHeader: nil)
        }
        let addresses = try await resolver.addresses(of: target.host)
        for address in addresses {
            try check(address, describedAs: "'\(target.host)' resolves to \(address), which")
        }
        guard target.scheme == "http", let first = addresses.first else { return Destination(url: target.url, hostHeader: nil) }
        return Destination(url: target.url(connectingTo: first), hostHeader: target.hostHeader)
    }

    private func check(_ address: IPAddress, describedAs subject: String) throws(IntegrationFailure) {
        let scope = address.scope
        guard scope != .global else { return }
        throw IntegrationFailure(
            .refusedAddress,
            "\(subject) is \(scope.phrase); calls to loopback, private and link-local addresses need allow_private"
        )
    }
}
