import FormwrightCore
import FormwrightStorage
import Testing

@Suite struct ColumnTypeTests {
    @Test func timestampsKeepMicrosecondsAndOrderBefore1970() throws {
        let cases: [(Timestamp, Int64)] = [
            (Timestamp(seconds: 0), 0), (Timestamp(seconds: -1, nanos: 999_999_999), -1), (Timestamp(seconds: -1), -1_000_000),
            (Timestamp(seconds: 1, nanos: 1_999), 1_000_001), (Timestamp(seconds: -62_135_596_800), -62_135_596_800_000_000),
        ]
        for (time, micros) in cases {
            #expect(ColumnType.microseconds(time) == micros)
            let back = ColumnType.timestamp(microseconds: micros)
            #expect(back.nanos >= 0 && back.nanos < 1_000_000_000)
            #expect(ColumnType.microseconds(back) == micros)
        }
        #expect(ColumnType.microseconds(Timestamp(seconds: -62_135_596_801)) == nil)
        #expect(ColumnType.microseconds(Timestamp(seconds: 253_402_300_800)) == nil)
        #expect(ColumnType.microseconds(Timestamp(seconds: 0, nanos: -1)) == nil)
        #expect(ColumnType.timestamp(microseconds: -1) == Timestamp(seconds: -1, nanos: 999_999_000))
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "1970-01-31"])
    func acceptsRealDates(_ text: String) throws {
        #expect(try ColumnType.date.encode(.string(text), field: "d", table: "t") == .text(text))
    }

    @Test(arguments: [
        "2023-02-29", "1900-02-29", "0000-01-01", "2024-13-01", "2024-04-31", "2024-1-01", "2024/01/01", "２０２４-01-01", " 2024-01-01",
    ])
    func refusesOtherDates(_ text: String) {
        let error = #expect(throws: StorageError.self) { try ColumnType.date.encode(.string(text), field: "d", table: "t") }
        #expect(error?.code == .invalidValue)
        #expect(error?.field == "d")
    }

    @Test func textListsAreDeterministicJSON() throws {
        let value = Value.list([.string("a\"b"), .string("line\nbreak"), .string("é")])
        let stored = try ColumnType.textList.encode(value, field: "tags", table: "t")
        #expect(stored == .text(#"["a\"b","line\nbreak","é"]"#))
        #expect(ColumnType.textList.decode(stored) == value)
        #expect(ColumnType.textList.decode(.text("not json")) == nil)
    }

    @Test func metadataNamesRoundTrip() {
        let types: [ColumnType] = [.text, .integer, .double, .boolean, .money(scale: 4), .date, .timestamp, .textList, .link(table: "x\"y")]
        for type in types {
            var scale: Int?
            var link: String?
            if case .money(let value) = type { scale = value }
            if case .link(let value) = type { link = value }
            #expect(ColumnType(name: type.name, scale: scale, linkTable: link) == type)
        }
        #expect(ColumnType(name: "money", scale: nil, linkTable: nil) == nil)
        #expect(ColumnType(name: "blob", scale: nil, linkTable: nil) == nil)
    }

    @Test func textComparesByCodePointsAndBytes() {
        #expect(ColumnValue.text("B") < .text("a"))
        #expect(ColumnValue.text("z") < .text("é"))
        #expect(ColumnValue.text("é") != .text("e\u{301}"))
        #expect(ColumnValue.text("\u{FFFF}") < .text("🚀"))
        #expect(ColumnValue.null < .integer(Int64.min))
        #expect(ColumnValue.real(1e300) < .text(""))
        #expect(Set<ColumnValue>([.text("é"), .text("e\u{301}")]).count == 2)
    }

    @Test func recordIDsAreURLSafeAndDistinct() {
        let ids = (0..<1_000).map { _ in RecordID.generate() }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.utf8.count == 26 && RecordID.isValid($0) })
        #expect(!RecordID.isValid(""))
        #expect(!RecordID.isValid("a b"))
        #expect(!RecordID.isValid(String(repeating: "a", count: 129)))
        #expect(RecordID.isValid("Seed_1.a~b-c"))
    }
}
