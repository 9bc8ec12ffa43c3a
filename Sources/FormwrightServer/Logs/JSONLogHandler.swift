public import Foundation
public import Logging
import Synchronization

/// A log handler that writes one JSON object per line: `time` (RFC 3339 with milliseconds, UTC),
/// `level`, `label`, `message`, then every metadata key as a field of its own.
///
/// A metadata key that would hide one of the four fixed fields is written with `metadata.` in
/// front (`metadata.level`). Strings are escaped as JSON requires, so a message holding quotes,
/// backslashes or line breaks still makes one valid line.
///
/// ```swift
/// LoggingSystem.bootstrap(JSONLogHandler.standardError)
/// ```
public struct JSONLogHandler: LogHandler {
    /// The fields every line has, in this order.
    static let fixedFields: Set<String> = ["time", "level", "label", "message"]

    private let label: String
    private let write: @Sendable (String) -> Void
    private let clock: @Sendable () -> Date

    /// The lowest level written.
    public var logLevel: Logger.Level = .info
    /// Metadata added to every line of this logger.
    public var metadata: Logger.Metadata = [:]

    /// Creates a handler.
    /// - Parameters:
    ///   - label: the logger's label.
    ///   - clock: the time each line is stamped with.
    ///   - write: takes each line, newline included.
    public init(label: String, clock: @escaping @Sendable () -> Date = { Date() }, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.clock = clock
        self.write = write
    }

    /// A handler that writes to standard error, one whole line per write.
    public static func standardError(label: String) -> JSONLogHandler {
        JSONLogHandler(label: label) { line in StandardErrorLines.shared.write(line) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = metadata
        if let given = event.metadata { fields.merge(given) { _, new in new } }
        if let error = event.error, fields["error"] == nil { fields["error"] = "\(error)" }
        var line = "{\"time\":" + Self.quoted(Self.timestamp(clock()))
        line += ",\"level\":" + Self.quoted(event.level.rawValue)
        line += ",\"label\":" + Self.quoted(label)
        line += ",\"message\":" + Self.quoted(event.message.description)
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            let name = Self.fixedFields.contains(key) ? "metadata." + key : key
            line += "," + Self.quoted(name) + ":" + Self.json(value)
        }
        write(line + "}\n")
    }

    /// A metadata value as JSON: strings as strings, arrays and dictionaries as arrays and objects.
    static func json(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .stringConvertible(let convertible): return quoted(convertible.description)
        case .array(let values): return "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let entries):
            return "{" + entries.sorted(by: { $0.key < $1.key }).map { quoted($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// A string as a JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A time as RFC 3339 in UTC with milliseconds: `2026-11-29T20:15:03.042Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!))
    }
}

/// Standard error, written one whole line at a time so lines from concurrent loggers never interleave.
final class StandardErrorLines: Sendable {
    static let shared = StandardErrorLines()
    private let lock = Mutex(())

    func write(_ line: String) {
        lock.withLock { _ in FileHandle.standardError.write(Data(line.utf8)) }
    }
}
