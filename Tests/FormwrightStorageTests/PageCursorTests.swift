import FormwrightStorage
import Testing

@Suite struct PageCursorTests {
    static let values: [ColumnValue] = [.null, .integer(Int64.min), .integer(42), .real(-0.5), .real(1e300), .text(""), .text("Zoë 🚀 \"x\"")]

    @Test(arguments: values)
    func roundTripsAsURLSafeText(_ value: ColumnValue) throws {
        for sort in [RecordSort.byID, RecordSort(key: .createdAt, descending: true), .descending("naïve/field+name=")] {
            let cursor = PageCursor(sort: sort, value: value, id: "abc-123")
            let text = cursor.text
            #expect(
                text.utf8.allSatisfy { byte in
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                })
            #expect(try PageCursor(text: text, for: sort) == cursor)
        }
    }

    @Test func belongsToItsSort() {
        let text = PageCursor(sort: .ascending("name"), value: .text("a"), id: "x").text
        for other in [RecordSort.descending("name"), .ascending("email"), .byID] {
            let error = #expect(throws: StorageError.self) { try PageCursor(text: text, for: other) }
            #expect(error?.code == .invalidCursor)
        }
    }

    @Test(arguments: ["", "@@@", "AQ", "AQAA", String(repeating: "A", count: 20_000)])
    func refusesGarbage(_ text: String) {
        let error = #expect(throws: StorageError.self) { try PageCursor(text: text, for: .byID) }
        #expect(error?.code == .invalidCursor)
    }

    @Test func refusesTruncatedAndExtendedCursors() {
        let text = PageCursor(sort: .byID, value: .text("value"), id: "the-id").text
        for broken in (1..<text.count).map({ String(text.prefix($0)) }) + [text + "AAAA"] {
            #expect(throws: StorageError.self) { try PageCursor(text: broken, for: .byID) }
        }
    }

    @Test func ordersPositionsWithNullFirst() {
        let ascending = PageCursor(sort: .ascending("n"), value: .integer(5), id: "m")
        #expect(ascending.precedes(value: .integer(6), id: "a"))
        #expect(ascending.precedes(value: .integer(5), id: "n"))
        #expect(!ascending.precedes(value: .integer(5), id: "m"))
        #expect(!ascending.precedes(value: .null, id: "z"))
        let descending = PageCursor(sort: .descending("n"), value: .integer(5), id: "m")
        #expect(descending.precedes(value: .null, id: "a"))
        #expect(descending.precedes(value: .integer(5), id: "l"))
        #expect(!descending.precedes(value: .integer(6), id: "a"))
    }
}
