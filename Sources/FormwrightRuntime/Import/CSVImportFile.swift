import FormwrightCore
import FormwrightDefinition
import Foundation

/// A CSV file read as rows of one table: the header names the fields (and optionally `id`), each
/// following record is one row.
///
/// Cells are read as an HTML form's text: empty leaves the field empty; a multiple choice holds
/// its options separated by commas (`"a, b"`); a leading `'` that ``CSVWriter`` put before a
/// formula-like cell is dropped.
struct CSVImportFile {
    let table: TableDefinition

    /// The file's rows, or every problem that stops it from being read at all (a syntax error,
    /// a bad header); a record with the wrong number of cells is a rejection of that row only.
    func rows(from bytes: [UInt8]) -> (rows: [ImportRow], rejections: [RowRejection], isReadable: Bool) {
        let records: [CSVRecord]
        do {
            records = try CSVReader.read(bytes)
        } catch {
            return ([], [RowRejection(line: error.line, field: nil, message: error.message)], false)
        }
        guard let header = records.first else {
            return ([], [RowRejection(line: 1, field: nil, message: "the file is empty; its first line names the fields")], false)
        }
        let columns = header.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        let headerProblems = problems(in: columns, line: header.line)
        guard headerProblems.isEmpty else { return ([], headerProblems, false) }
        var rows: [ImportRow] = []
        var rejections: [RowRejection] = []
        for record in records.dropFirst() {
            guard record.cells.count == columns.count else {
                rejections.append(
                    RowRejection(
                        line: record.line, field: nil, message: "expected \(columns.count) cells, as in the header, but found \(record.cells.count)"))
                continue
            }
            var id: String?
            var values: [String: Value] = [:]
            for (column, raw) in zip(columns, record.cells) {
                let cell = CSVWriter.unprotect(raw)
                if column == "id" {
                    id = cell.isEmpty ? nil : cell
                } else if table.field(named: column)?.type == .multichoice {
                    let parts = cell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    values[column] = .list(parts.map(Value.string))
                } else {
                    values[column] = .string(cell)
                }
            }
            rows.append(ImportRow(line: record.line, id: id, values: values))
        }
        return (rows, rejections, true)
    }

    private func problems(in columns: [String], line: Int) -> [RowRejection] {
        let names = table.fields.map(\.name.value)
        var seen: Set<String> = []
        var problems: [RowRejection] = []
        for column in columns {
            if column.isEmpty {
                problems.append(RowRejection(line: line, field: nil, message: "a column of the header has no name"))
            } else if !seen.insert(column).inserted {
                problems.append(RowRejection(line: line, field: nil, message: "column '\(column)' appears twice in the header"))
            } else if column != "id", table.field(named: column) == nil {
                let hint = NameSuggester.hint(for: column, among: names)
                problems.append(
                    RowRejection(line: line, field: nil, message: "column '\(column)' is not a field of table '\(table.name.value)'\(hint)"))
            } else if let field = table.field(named: column), field.compute != nil {
                problems.append(RowRejection(line: line, field: nil, message: "column '\(column)' is a computed field and cannot be imported"))
            }
        }
        return problems
    }
}
