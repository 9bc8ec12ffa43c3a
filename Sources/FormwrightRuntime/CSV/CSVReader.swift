/// Reads RFC 4180 CSV: comma-separated cells, records ending in CRLF, LF or CR, cells in double
/// quotes when they hold a comma, a quote (doubled) or a line break. UTF-8 only; a leading
/// byte order mark is skipped. Blank lines are skipped.
///
/// ```swift
/// let records = try CSVReader.read(Array("name,region\r\nAda,east\r\n".utf8))
/// // [CSVRecord(line: 1, cells: ["name", "region"]), CSVRecord(line: 2, cells: ["Ada", "east"])]
/// ```
public enum CSVReader {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Every record of a CSV file, header included.
    ///
    /// - Throws: ``CSVSyntaxError`` for bytes that are not UTF-8, an unterminated quoted cell, or
    ///   text right after a closing quote.
    public static func read(_ bytes: [UInt8]) throws(CSVSyntaxError) -> [CSVRecord] {
        var input = bytes[...]
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input = input.dropFirst(3) }
        guard String(validating: input, as: UTF8.self) != nil else {
            throw CSVSyntaxError(line: firstInvalidLine(input), message: "the file is not UTF-8 text; save it as UTF-8 CSV")
        }
        var parser = Parser()
        var index = input.startIndex
        while index < input.endIndex {
            let byte = input[index]
            index = input.index(after: index)
            let next = index < input.endIndex ? input[index] : nil
            if parser.inQuotes {
                if byte == quote {
                    if next == quote {
                        parser.cell.append(quote)
                        index = input.index(after: index)
                    } else {
                        parser.inQuotes = false
                        parser.afterClosingQuote = true
                    }
                } else {
                    if byte == lineFeed || (byte == carriageReturn && next != lineFeed) { parser.line += 1 }
                    parser.cell.append(byte)
                }
                continue
            }
            switch byte {
            case comma:
                parser.endCell()
            case lineFeed, carriageReturn:
                if byte == carriageReturn, next == lineFeed { index = input.index(after: index) }
                parser.endRecord()
                parser.line += 1
            case quote where parser.cell.isEmpty && !parser.afterClosingQuote && !parser.cellStarted:
                parser.inQuotes = true
                parser.cellStarted = true
            default:
                if parser.afterClosingQuote {
                    throw CSVSyntaxError(
                        line: parser.line, message: "text after a closing quote; a quote inside a quoted cell is written twice (\"\")")
                }
                parser.cellStarted = true
                parser.cell.append(byte)
            }
        }
        if parser.inQuotes {
            throw CSVSyntaxError(line: parser.recordLine, message: "a quoted cell is never closed")
        }
        parser.endRecord()
        return parser.records
    }

    private struct Parser {
        var records: [CSVRecord] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var afterClosingQuote = false
        var cellStarted = false

        mutating func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell = []
            afterClosingQuote = false
            cellStarted = false
        }

        mutating func endRecord() {
            let blank = cells.isEmpty && cell.isEmpty && !cellStarted
            if !blank {
                endCell()
                records.append(CSVRecord(line: recordLine, cells: cells))
            }
            cells = []
            cell = []
            afterClosingQuote = false
            cellStarted = false
            recordLine = line + 1
        }
    }

    private static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == lineFeed {
            if String(validating: bytes[start...index], as: UTF8.self) == nil { return line }
            line += 1
            start = bytes.index(after: index)
        }
        return line
    }
}
