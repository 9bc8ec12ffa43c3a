import Testing

@testable import FormwrightCore

@Suite struct SourceFileTests {
    @Test func mapsOffsetsToLinesAndColumns() {
        let file = SourceFile(path: "a.yaml", text: "ab\n客户x\n\nz")
        #expect(file.location(ofOffset: 0) == SourceLocation(line: 1, column: 1, offset: 0))
        #expect(file.location(ofOffset: 3) == SourceLocation(line: 2, column: 1, offset: 3))
        #expect(file.location(ofOffset: 5) == SourceLocation(line: 2, column: 3, offset: 5))
        #expect(file.location(ofOffset: 8) == SourceLocation(line: 4, column: 1, offset: 8))
        #expect(file.location(ofOffset: 99) == SourceLocation(line: 4, column: 2, offset: 9))
    }

    @Test func returnsLinesWithoutBreaks() {
        let file = SourceFile(path: "a.yaml", text: "one\r\ntwo\n")
        #expect(file.line(1) == "one")
        #expect(file.line(2) == "two")
        #expect(file.line(3) == "")
        #expect(file.line(4) == "")
    }
}
