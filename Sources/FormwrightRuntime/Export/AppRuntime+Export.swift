import FormwrightCore
import FormwrightDefinition
import FormwrightStorage

extension AppRuntime {
    /// The header an export writes for a table: `id`, then every field that is not computed, in
    /// the table's order — exactly the columns an import takes back.
    public func exportColumns(table tableName: String) throws -> [String] {
        guard let table = definition.table(named: tableName) else {
            throw RuntimeError(.notFound, "no table '\(tableName)' in app '\(name)'")
        }
        return ["id"] + Self.exportedFields(table).map(\.name.value)
    }

    /// Writes a table's records as RFC 4180 CSV, oldest first, a page at a time; with a filter,
    /// only the records it holds for.
    ///
    /// The first record is the header (``exportColumns(table:)``). Money is decimal text
    /// (`1234.50`), dates `YYYY-MM-DD`, datetimes RFC 3339 in UTC, booleans `true`/`false`, a
    /// multiple choice its options joined by `, `, a link the target's id. Every cell is protected
    /// against formula injection (``CSVWriter/protect(_:)``). Lines end in CRLF.
    ///
    /// - Parameters:
    ///   - tableName: the table to export.
    ///   - filter: a CEL condition as the records list takes it (``records(table:filter:sort:limit:after:user:)``),
    ///     evaluated for an anonymous caller; nil or empty for every record.
    ///   - write: receives the CSV text in pieces, in order.
    /// - Returns: how many records were written.
    /// - Throws: `RuntimeError(.badRequest)` for a filter that does not check; `RuntimeError(.unavailable)` when the store fails.
    @discardableResult
    public func exportCSV(table tableName: String, filter: String? = nil, into write: (String) throws -> Void) async throws -> Int {
        guard let table = definition.table(named: tableName) else {
            throw RuntimeError(.notFound, "no table '\(tableName)' in app '\(name)'")
        }
        let fields = Self.exportedFields(table)
        let presenter = RecordPresenter(table: table)
        var after: String?
        var count = 0
        var header: String? = CSVWriter.record(["id"] + fields.map(\.name.value))
        repeat {
            // A filtered page may be empty and still have a next one, when the scan limit ended it.
            let page = try await records(table: table.name.value, filter: filter, limit: 500, after: after)
            // The header waits for the first page, so that a filter that does not check writes nothing.
            var text = header ?? ""
            header = nil
            for record in page.records {
                text += CSVWriter.record([record.id] + fields.map { presenter.text(record.fields[$0.name.value] ?? .null, of: $0) })
            }
            try write(text)
            count += page.records.count
            after = page.next
        } while after != nil
        return count
    }

    private static func exportedFields(_ table: TableDefinition) -> [FieldDefinition] {
        table.fields.filter { $0.compute == nil }
    }
}
