import Foundation

/// A position in a sorted query: the sort key's stored value and the id of the last record
/// shown, written as opaque URL-safe text (base64url without padding).
///
/// The cursor remembers which key and direction it was made for, and is refused by a query
/// sorted differently. Filters are not part of it: a cursor marks a position, and the next page
/// starts after that position whatever the filters.
public struct PageCursor: Sendable, Hashable {
    /// The sort the cursor was made for.
    public var sort: RecordSort
    /// The sort key's stored value in the last record shown.
    public var value: ColumnValue
    /// The id of the last record shown.
    public var id: String

    private static let formatVersion: UInt8 = 1

    /// Creates a position.
    ///
    /// - Parameters:
    ///   - sort: the query's sort.
    ///   - value: the last record's stored sort value.
    ///   - id: the last record's id.
    public init(sort: RecordSort, value: ColumnValue, id: String) {
        self.sort = sort
        self.value = value
        self.id = id
    }

    /// The cursor as opaque, URL-safe text.
    public var text: String {
        var bytes: [UInt8] = [Self.formatVersion, sort.descending ? 1 : 0]
        switch sort.key {
        case .id: bytes.append(0)
        case .createdAt: bytes.append(1)
        case .updatedAt: bytes.append(2)
        case .field(let name):
            bytes.append(3)
            Self.appendText(name, to: &bytes)
        }
        switch value {
        case .null: bytes.append(0)
        case .integer(let number):
            bytes.append(1)
            Self.appendWord(UInt64(bitPattern: number), to: &bytes)
        case .real(let number):
            bytes.append(2)
            Self.appendWord(number.bitPattern, to: &bytes)
        case .text(let text):
            bytes.append(3)
            Self.appendText(text, to: &bytes)
        }
        Self.appendText(id, to: &bytes)
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a cursor made by ``text``, checking it belongs to a query sorted by `sort`.
    ///
    /// - Throws: ``StorageError/Code/invalidCursor`` when the text is not such a cursor.
    public init(text: String, for sort: RecordSort) throws {
        let invalid = StorageError(.invalidCursor, "the paging cursor is not valid for this query")
        guard text.utf8.count <= 16_384 else { throw invalid }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { throw invalid }
        var reader = ByteReader(bytes: Array(data))
        guard reader.byte() == Self.formatVersion, let direction = reader.byte(), direction <= 1 else { throw invalid }
        let key: RecordSort.Key
        switch reader.byte() {
        case 0: key = .id
        case 1: key = .createdAt
        case 2: key = .updatedAt
        case 3:
            guard let name = reader.text() else { throw invalid }
            key = .field(name)
        default: throw invalid
        }
        let value: ColumnValue
        switch reader.byte() {
        case 0: value = .null
        case 1:
            guard let word = reader.word() else { throw invalid }
            value = .integer(Int64(bitPattern: word))
        case 2:
            guard let word = reader.word() else { throw invalid }
            value = .real(Double(bitPattern: word))
        case 3:
            guard let text = reader.text() else { throw invalid }
            value = .text(text)
        default: throw invalid
        }
        guard let id = reader.text(), reader.isAtEnd else { throw invalid }
        let found = RecordSort(key: key, descending: direction == 1)
        guard found == sort else { throw invalid }
        self.init(sort: found, value: value, id: id)
    }

    /// Whether a record whose sort value is `value` and id is `id` comes after this position.
    public func precedes(value other: ColumnValue, id otherID: String) -> Bool {
        let sameValue = other == value
        if sort.descending {
            return other < value || (sameValue && otherID.utf8.lexicographicallyPrecedes(id.utf8))
        }
        return value < other || (sameValue && id.utf8.lexicographicallyPrecedes(otherID.utf8))
    }

    private static func appendWord(_ word: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
    }

    private static func appendText(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = Array(text.utf8)
        appendWord(UInt64(utf8.count), to: &bytes)
        bytes.append(contentsOf: utf8)
    }
}

/// Reads a cursor's bytes with every length checked.
private struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func word() -> UInt64? {
        guard bytes.count - position >= 8 else { return nil }
        var word: UInt64 = 0
        for _ in 0..<8 {
            word = word << 8 | UInt64(bytes[position])
            position += 1
        }
        return word
    }

    mutating func text() -> String? {
        guard let length = word(), length <= UInt64(bytes.count - position) else { return nil }
        let end = position + Int(length)
        defer { position = end }
        return String(validating: bytes[position..<end], as: UTF8.self)
    }
}
