import FormwrightCore
import FormwrightStorage
import Testing

/// How a type-changing step converts each stored value; nil empties the field.
@Suite struct ColumnConversionTests {
    @Test func wideningKeepsEveryValue() {
        #expect(ColumnType.integer.convert(.int(-4), to: .double) == .double(-4))
        #expect(ColumnType.date.convert(.string("2026-01-31"), to: .text) == .string("2026-01-31"))
        #expect(ColumnType.link(table: "a").convert(.string("x1"), to: .text) == .string("x1"))
        #expect(ColumnType.integer.convert(.null, to: .double) == .null)
    }

    @Test func narrowingKeepsWhatFitsExactly() {
        #expect(ColumnType.double.convert(.double(2), to: .integer) == .int(2))
        #expect(ColumnType.double.convert(.double(2.5), to: .integer) == nil)
        #expect(ColumnType.double.convert(.double(1e300), to: .integer) == nil)
        #expect(ColumnType.text.convert(.string(" 42 "), to: .integer) == .int(42))
        #expect(ColumnType.text.convert(.string("many"), to: .integer) == nil)
        #expect(ColumnType.money(scale: 2).convert(.int(12_345), to: .money(scale: 3)) == .int(123_450))
        #expect(ColumnType.money(scale: 2).convert(.int(12_345), to: .money(scale: 0)) == nil)
        #expect(ColumnType.money(scale: 2).convert(.int(Int64.max), to: .money(scale: 18)) == nil)
        #expect(ColumnType.money(scale: 2).convert(.int(12_345), to: .text) == .string("123.45"))
        #expect(ColumnType.text.convert(.string("2026-02-30"), to: .date) == nil)
        #expect(ColumnType.date.convert(.string("1969-12-31"), to: .timestamp) == .timestamp(Timestamp(seconds: -86_400)))
        #expect(ColumnType.timestamp.convert(.timestamp(Timestamp(seconds: -1)), to: .date) == .string("1969-12-31"))
        #expect(ColumnType.text.convert(.string("true"), to: .boolean) == .bool(true))
        #expect(ColumnType.text.convert(.string("a"), to: .textList) == .list([.string("a")]))
    }
}
