public import FormwrightCore
import FormwrightDefinition
import FormwrightStorage

extension AppRuntime {
    /// Imports rows into a table, each checked exactly as a form submission is (the same pipeline),
    /// links and unique values checked against the store, in one transaction. No workflow runs.
    ///
    /// - Parameters:
    ///   - tableName: the table to write.
    ///   - rows: the rows, with their lines and optional ids.
    ///   - allOrNothing: when true, any problem means nothing is written; when false, the valid
    ///     rows are written and the others reported.
    ///   - now: the time the records are created at.
    /// - Returns: how many records were written and every problem, in line order.
    /// - Throws: `RuntimeError` for an unknown table or a store failure.
    public func importRows(table tableName: String, rows: [ImportRow], allOrNothing: Bool, now: Timestamp = .now) async throws -> ImportReport {
        try await importRows(table: tableName, rows: rows, knownProblems: [], allOrNothing: allOrNothing, now: now)
    }

    /// Imports rows when `knownProblems` were already found in the file (a row with too few cells).
    private func importRows(
        table tableName: String, rows: [ImportRow], knownProblems: [RowRejection], allOrNothing: Bool, now: Timestamp
    ) async throws -> ImportReport {
        guard let table = definition.table(named: tableName) else {
            throw RuntimeError(.notFound, "no table '\(tableName)' in app '\(name)'")
        }
        let importer = RowImporter(definition: definition, table: table)
        let (valid, validation) = importer.validate(rows)
        let early = knownProblems + validation
        if allOrNothing, !early.isEmpty { return ImportReport(created: 0, rejections: Self.sorted(early)) }
        do {
            let (created, late) = try await storage.write(app: name) { transaction in
                let outcome = try importer.write(valid, in: transaction, now: now)
                if allOrNothing, !outcome.rejections.isEmpty { throw ImportRejected(outcome.rejections) }
                return outcome
            }
            return ImportReport(created: created, rejections: Self.sorted(early + late))
        } catch let rejected as ImportRejected {
            return ImportReport(created: 0, rejections: Self.sorted(rejected.rejections))
        } catch let error as StorageError {
            throw RuntimeError(error)
        }
    }

    /// Imports a CSV file into a table: its header names the fields (and optionally `id`), each
    /// record is one row; see ``importRows(table:rows:allOrNothing:now:)``.
    ///
    /// A file that cannot be read (bad UTF-8, an unclosed quote, an unknown column) writes nothing.
    public func importCSV(table tableName: String, bytes: [UInt8], allOrNothing: Bool, now: Timestamp = .now) async throws -> ImportReport {
        guard let table = definition.table(named: tableName) else {
            throw RuntimeError(.notFound, "no table '\(tableName)' in app '\(name)'")
        }
        let file = CSVImportFile(table: table).rows(from: bytes)
        guard file.isReadable else { return ImportReport(created: 0, rejections: file.rejections) }
        return try await importRows(table: tableName, rows: file.rows, knownProblems: file.rejections, allOrNothing: allOrNothing, now: now)
    }

    static func sorted(_ rejections: [RowRejection]) -> [RowRejection] {
        rejections.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
}
