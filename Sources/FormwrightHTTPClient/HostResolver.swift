import FormwrightCore
import FormwrightRuntime
import NIOPosix

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Resolves a host name to its addresses with the system resolver (`getaddrinfo`), on NIO's
/// thread pool so that the blocking call never holds a thread of Swift's cooperative pool.
struct HostResolver: Sendable {
    /// Every address the name resolves to, in the resolver's order of preference.
    /// - Throws: `IntegrationFailure` (`network`) when the name does not resolve.
    func addresses(of host: String) async throws(IntegrationFailure) -> [IPAddress] {
        let outcome: Result<[IPAddress], ResolutionError>
        do {
            outcome = try await NIOThreadPool.singleton.runIfActive { HostResolver.resolveBlocking(host) }
        } catch {
            throw IntegrationFailure(.network, "could not resolve '\(host)': \(error)")
        }
        switch outcome {
        case .success(let addresses) where !addresses.isEmpty: return addresses
        case .success: throw IntegrationFailure(.network, "'\(host)' resolves to no address")
        case .failure(let error): throw IntegrationFailure(.network, "could not resolve '\(host)': \(error.message)")
        }
    }

    struct ResolutionError: Error {
        let message: String
    }

    private static func resolveBlocking(_ host: String) -> Result<[IPAddress], ResolutionError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
            hints.ai_socktype = SOCK_STREAM
        #else
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        hints.ai_flags = AI_ADDRCONFIG
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else { return .failure(ResolutionError(message: String(cString: gai_strerror(status)))) }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        var entry = list
        while let info = entry?.pointee {
            if let address = info.ai_addr, let found = ipAddress(address, family: info.ai_family), !addresses.contains(found) {
                addresses.append(found)
            }
            entry = info.ai_next
        }
        return .success(addresses)
    }

    private static func ipAddress(_ address: UnsafeMutablePointer<sockaddr>, family: Int32) -> IPAddress? {
        switch family {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin_addr) { IPAddress(bytes: Array($0)) }
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin6_addr) { IPAddress(bytes: Array($0)) }
            }
        default:
            return nil
        }
    }
}
