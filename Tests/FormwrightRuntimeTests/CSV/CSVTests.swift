import FormwrightRuntime
import Testing

/// RFC 4180 reading and writing, and the formula-injection guard.
@Suite struct CSVTests {
    @Test func readsQuotedCellsLineBreaksAndABOM() throws {
        let text = "\u{FEFF}name,note\r\n\"Bob, Jr.\",\"said \"\"hi\"\"\nand left\"\r\n\r\nCy,\r\nDi,\"\""
        let records = try CSVReader.read(Array(text.utf8))
        #expect(
            records == [
                CSVRecord(line: 1, cells: ["name", "note"]),
                CSVRecord(line: 2, cells: ["Bob, Jr.", "said \"hi\"\nand left"]),
                CSVRecord(line: 5, cells: ["Cy", ""]),
                CSVRecord(line: 6, cells: ["Di", ""]),
            ])
    }

    @Test func namesTheLineOfASyntaxError() {
        let unclosed = #expect(throws: CSVSyntaxError.self) { try CSVReader.read(Array("a\nb\n\"open,\nstill".utf8)) }
        #expect(unclosed?.line == 3)
        let trailing = #expect(throws: CSVSyntaxError.self) { try CSVReader.read(Array("a\n\"x\"y\n".utf8)) }
        #expect(trailing?.line == 2)
        let binary = #expect(throws: CSVSyntaxError.self) { try CSVReader.read([0x61, 0x0A, 0x62, 0xFF, 0x0A]) }
        #expect(binary?.line == 2)
    }

    @Test func writesQuotingOnlyWhatNeedsIt() {
        #expect(CSVWriter.record(["plain", "a,b", "say \"x\"", "two\nlines", ""]) == "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",\r\n")
    }

    @Test func formulaLikeCellsAreQuotedAndComeBack() throws {
        let cells = ["=SUM(A1:A9)", "+1", "-2+3", "@cmd", "\tx", "\rx", "'already", "'=both", "-12.5", "-7", "plain", "-", ""]
        let protected = cells.map(CSVWriter.protect)
        #expect(protected == ["'=SUM(A1:A9)", "'+1", "'-2+3", "'@cmd", "'\tx", "'\rx", "''already", "''=both", "-12.5", "-7", "plain", "'-", ""])
        #expect(protected.map(CSVWriter.unprotect) == cells)
        let read = try CSVReader.read(Array(CSVWriter.record(cells).utf8))
        #expect(read.first?.cells.map(CSVWriter.unprotect) == cells)
    }
}
