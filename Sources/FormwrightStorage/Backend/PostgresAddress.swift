/// Where a PostgreSQL store lives: `postgres://user:password@host:port/database`.
///
/// The password is kept for connecting but never shown: ``description`` writes it as `***`,
/// so an address may be put in any message or log line.
public struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted, from the URL's `sslmode` parameter.
    public enum TLSMode: String, Sendable, Hashable {
        /// Plain TCP (`sslmode=disable`).
        case disable
        /// TLS when the server offers it, plain TCP otherwise (`sslmode=prefer`, the default);
        /// as in libpq, the server's certificate is not verified.
        case prefer
        /// TLS or no connection, the certificate not verified (`sslmode=require`).
        case require
        /// TLS with the certificate verified against the system's trust roots and the host
        /// name (`sslmode=verify-full`).
        case verifyFull = "verify-full"
    }

    /// The role to log in as.
    public var user: String
    /// The role's password, or nil to log in without one.
    public var password: String?
    /// The server's host name or IP address (without brackets for IPv6).
    public var host: String
    /// The server's TCP port, 5432 unless the URL names another.
    public var port: Int
    /// The database to open.
    public var database: String
    /// How the connection is encrypted.
    public var tls: TLSMode

    /// Creates an address.
    ///
    /// - Parameters:
    ///   - user: the role to log in as.
    ///   - password: its password, if any.
    ///   - host: the server's host name or address.
    ///   - port: the server's TCP port.
    ///   - database: the database to open.
    ///   - tls: how the connection is encrypted.
    public init(user: String, password: String?, host: String, port: Int = 5432, database: String, tls: TLSMode = .prefer) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.tls = tls
    }

    /// The address as a URL with the password hidden: `postgres://ada:***@db:5432/crm`.
    public var description: String {
        let secret = password == nil ? "" : ":***"
        let hostText = host.contains(":") ? "[\(host)]" : host
        let query = tls == .prefer ? "" : "?sslmode=\(tls.rawValue)"
        return "postgres://\(Self.escaped(user))\(secret)@\(hostText):\(port)/\(Self.escaped(database))\(query)"
    }

    /// Parses `postgres://user[:password]@host[:port]/database[?sslmode=MODE]` (or `postgresql://`).
    ///
    /// User, password and database may hold `%XX` escapes. Messages about a bad URL never
    /// show its password.
    ///
    /// - Throws: ``StorageError/Code/invalidStoreURL`` naming what is wrong.
    public init(parsing text: String) throws {
        let shown = StoreURL.redacted(text)
        func bad(_ problem: String) -> StorageError {
            StorageError(.invalidStoreURL, "store URL '\(shown)' \(problem); write 'postgres://user:password@host:port/database'")
        }
        guard let schemeEnd = text.range(of: "://"), ["postgres", "postgresql"].contains(text[..<schemeEnd.lowerBound]) else {
            throw bad("is not a PostgreSQL URL")
        }
        guard !text.utf8.contains(0) else { throw bad("contains a NUL character") }
        var rest = Substring(text[schemeEnd.upperBound...])
        var tls = TLSMode.prefer
        if let question = rest.firstIndex(of: "?") {
            let parameters = rest[rest.index(after: question)...]
            rest = rest[..<question]
            for parameter in parameters.split(separator: "&") {
                let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, parts[0] == "sslmode", let mode = TLSMode(rawValue: String(parts[1])) else {
                    throw bad("has an unsupported parameter '\(parameter)' (only sslmode=disable|prefer|require|verify-full)")
                }
                tls = mode
            }
        }
        guard let slash = rest.firstIndex(of: "/") else { throw bad("names no database") }
        let authority = rest[..<slash]
        guard let database = Self.unescaped(rest[rest.index(after: slash)...]), !database.isEmpty, !database.contains("/") else {
            throw bad("names no database")
        }
        guard let at = authority.lastIndex(of: "@") else { throw bad("names no user") }
        let userInfo = authority[..<at]
        let hostPort = authority[authority.index(after: at)...]
        let userText = userInfo.firstIndex(of: ":").map { userInfo[..<$0] } ?? userInfo
        guard let user = Self.unescaped(userText), !user.isEmpty else { throw bad("names no user") }
        var password: String?
        if let colon = userInfo.firstIndex(of: ":") {
            guard let secret = Self.unescaped(userInfo[userInfo.index(after: colon)...]) else { throw bad("has a badly escaped password") }
            password = secret
        }
        let (host, port) = try Self.hostAndPort(hostPort, bad)
        self.init(user: user, password: password, host: host, port: port, database: database, tls: tls)
    }

    private static func hostAndPort(_ text: Substring, _ bad: (String) -> StorageError) throws -> (String, Int) {
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw bad("has an unclosed '[' in its host") }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw bad("has text after its host") }
                portText = after.dropFirst()
            }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = text
        }
        guard !host.isEmpty else { throw bad("names no host") }
        guard !host.contains(where: { $0 == "/" || $0 == "@" || $0 == " " }) else { throw bad("has a malformed host") }
        var port = 5432
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else { throw bad("has a port outside 1...65535") }
            port = number
        }
        return (String(host), port)
    }

    /// `%XX` escapes decoded as UTF-8; nil when an escape or the result is malformed.
    private static func unescaped(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        guard !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `text` with the characters that would end a URL part written as `%XX`.
    private static func escaped(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "%"), UInt8(ascii: "&"),
                UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"), 0...32, 127...255:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            default:
                result.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
