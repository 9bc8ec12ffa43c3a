/// How an SQLite store is opened, from the parameters of its URL:
/// `sqlite:PATH?mode=ro&max_size=10MB`.
///
/// - `mode=ro` opens an existing file read-only: nothing is ever written to it, reads work, and
///   every write is refused with ``StorageError/Code/readOnly``. `mode=rw` (the default) opens it
///   for reading and writing, creating it when missing.
/// - `max_size=SIZE` caps the file's size: a write that would grow it past the cap fails with
///   ``StorageError/Code/full``, exactly as on a full disk, and nothing of it is written. SIZE is a
///   whole number of bytes, optionally followed by `KB`, `MB` or `GB` (powers of 1000) or `KiB`,
///   `MiB` or `GiB` (powers of 1024).
public struct SQLiteOptions: Sendable, Hashable {
    /// Whether the file is opened read-only.
    public var readOnly: Bool
    /// The largest size the file may grow to, in bytes; nil for no cap but the disk's.
    public var maximumSize: Int64?

    /// Creates options.
    ///
    /// - Parameters:
    ///   - readOnly: open the file read-only.
    ///   - maximumSize: the size cap in bytes, if any.
    public init(readOnly: Bool = false, maximumSize: Int64? = nil) {
        self.readOnly = readOnly
        self.maximumSize = maximumSize
    }

    /// The options as URL parameters (`?mode=ro&max_size=10000000`), empty for the defaults.
    public var query: String {
        var parameters: [String] = []
        if readOnly { parameters.append("mode=ro") }
        if let maximumSize { parameters.append("max_size=\(maximumSize)") }
        return parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&")
    }

    /// Reads the parameters after `?` of an SQLite store URL.
    ///
    /// - Parameters:
    ///   - text: the parameters, `name=value` joined by `&`.
    ///   - url: the whole URL, for messages.
    /// - Throws: ``StorageError/Code/invalidStoreURL`` naming the parameter that is wrong.
    init(parameters text: Substring, url: String) throws {
        self.init()
        func bad(_ problem: String) -> StorageError {
            StorageError(.invalidStoreURL, "store URL '\(url)' \(problem)")
        }
        for parameter in text.split(separator: "&", omittingEmptySubsequences: false) {
            let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw bad("has a parameter '\(parameter)' without a value; write NAME=VALUE") }
            switch parts[0] {
            case "mode":
                switch parts[1] {
                case "ro": readOnly = true
                case "rw": readOnly = false
                default: throw bad("has 'mode=\(parts[1])'; write 'mode=ro' (read-only) or 'mode=rw'")
                }
            case "max_size":
                guard let size = Self.size(parts[1]) else {
                    throw bad("has 'max_size=\(parts[1])'; write a positive size such as 'max_size=500MB' (B, KB, MB, GB, KiB, MiB or GiB)")
                }
                maximumSize = size
            default:
                throw bad("has an unknown parameter '\(parts[0])'; an SQLite store takes 'mode' and 'max_size'")
            }
        }
    }

    /// A size such as `10MB`, `512KiB` or `4096`, in bytes; nil when malformed, zero or too large.
    static func size(_ text: Substring) -> Int64? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let units: [Substring: Int64] = [
            "": 1, "B": 1, "KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000, "KiB": 1_024, "MiB": 1_048_576, "GiB": 1_073_741_824,
        ]
        guard !digits.isEmpty, digits.count <= 18, let number = Int64(digits), let unit = units[text.dropFirst(digits.count)] else { return nil }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: unit)
        guard !overflow, bytes > 0 else { return nil }
        return bytes
    }
}
