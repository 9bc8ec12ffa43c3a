public import FormwrightCore
import Foundation

extension ColumnType {
    /// The earliest second a timestamp column holds: 0001-01-01T00:00:00Z.
    static let earliestSecond: Int64 = -62_135_596_800
    /// The latest second a timestamp column holds: 9999-12-31T23:59:59Z.
    static let latestSecond: Int64 = 253_402_300_799

    /// Converts a field's value into what the column stores, or throws ``StorageError/Code/invalidValue``.
    ///
    /// - Parameters:
    ///   - value: the field's value; `.null` is accepted by every type.
    ///   - field: the field's name, for the error.
    ///   - table: the table's name, for the error.
    public func encode(_ value: Value, field: String, table: String) throws -> ColumnValue {
        if case .null = value { return .null }
        switch (self, value) {
        case (.text, .string(let text)), (.link, .string(let text)):
            guard !text.utf8.contains(0) else { throw invalid(field, table, "must not contain NUL characters") }
            return .text(text)
        case (.integer, .int(let number)), (.money, .int(let number)):
            return .integer(number)
        case (.double, .double(let number)):
            guard number.isFinite else { throw invalid(field, table, "must be a finite number") }
            return .real(number)
        case (.boolean, .bool(let flag)):
            return .integer(flag ? 1 : 0)
        case (.date, .string(let text)):
            guard CalendarDate(text) != nil else {
                throw invalid(field, table, "must be a date spelled YYYY-MM-DD between 0001-01-01 and 9999-12-31")
            }
            return .text(text)
        case (.timestamp, .timestamp(let time)):
            guard let micros = Self.microseconds(time) else {
                throw invalid(field, table, "must be a timestamp between years 0001 and 9999")
            }
            return .integer(micros)
        case (.textList, .list(let items)):
            var parts: [String] = []
            parts.reserveCapacity(items.count)
            for item in items {
                guard case .string(let text) = item, !text.utf8.contains(0) else {
                    throw invalid(field, table, "must be a list of texts")
                }
                parts.append(JSONText.quote(text))
            }
            return .text("[" + parts.joined(separator: ",") + "]")
        default:
            throw invalid(field, table, "expected \(expectedKind) but found '\(value.kindName)'")
        }
    }

    /// Converts a stored column value back into the field's value; nil when the stored value
    /// cannot belong to this type (a damaged or foreign store).
    public func decode(_ stored: ColumnValue) -> Value? {
        if case .null = stored { return .null }
        switch (self, stored) {
        case (.text, .text(let text)), (.link, .text(let text)), (.date, .text(let text)):
            return .string(text)
        case (.integer, .integer(let number)), (.money, .integer(let number)):
            return .int(number)
        case (.double, .real(let number)):
            return .double(number)
        case (.double, .integer(let number)):
            return .double(Double(number))
        case (.boolean, .integer(let number)):
            return number == 0 || number == 1 ? .bool(number == 1) : nil
        case (.timestamp, .integer(let micros)):
            return .timestamp(Self.timestamp(microseconds: micros))
        case (.textList, .text(let json)):
            guard let items = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) else { return nil }
            return .list(items.map(Value.string))
        default:
            return nil
        }
    }

    /// Microseconds since the epoch for `time`, sub-microsecond digits dropped towards the past;
    /// nil outside years 0001 to 9999 or with nanoseconds out of range.
    public static func microseconds(_ time: Timestamp) -> Int64? {
        guard (earliestSecond...latestSecond).contains(time.seconds), (0..<1_000_000_000).contains(time.nanos) else {
            return nil
        }
        // Both bounds keep this far inside Int64: |seconds| < 2.6e11, times 1e6 < 2.6e17.
        return time.seconds * 1_000_000 + Int64(time.nanos / 1_000)
    }

    /// The timestamp `micros` microseconds after the epoch (before it when negative).
    public static func timestamp(microseconds micros: Int64) -> Timestamp {
        var seconds = micros / 1_000_000
        var remainder = micros % 1_000_000
        if remainder < 0 {
            seconds -= 1
            remainder += 1_000_000
        }
        return Timestamp(seconds: seconds, nanos: Int32(remainder) * 1_000)
    }

    /// `value` as a column of this type would give it back: timestamps lose their
    /// sub-microsecond digits; everything else is unchanged.
    public func normalize(_ value: Value, field: String, table: String) throws -> Value {
        let stored = try encode(value, field: field, table: table)
        guard let back = decode(stored) else { throw invalid(field, table, "cannot be stored") }
        return back
    }

    private var expectedKind: String {
        switch self {
        case .text, .link, .date: "'string'"
        case .integer, .money: "'int'"
        case .double: "'double'"
        case .boolean: "'bool'"
        case .timestamp: "'google.protobuf.Timestamp'"
        case .textList: "a list of strings"
        }
    }

    private func invalid(_ field: String, _ table: String, _ problem: String) -> StorageError {
        StorageError(.invalidValue, "field '\(field)' of table '\(table)' \(problem)", table: table, field: field)
    }
}
