public import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions
public import FormwrightStorage

extension AppRuntime {
    /// The most records one filtered request reads before it returns what it found, with a cursor to go on from.
    public static let filterScanLimit = 10_000

    /// A page of the records for which a CEL `filter` holds, oldest first, continuing after a cursor.
    ///
    /// The filter is checked like any expression of the table — its fields by name and as
    /// `record`, `user` and `now`, nothing else — so it can only narrow the records the caller
    /// could page through anyway: it cannot name another table or another record. Records are
    /// read from storage a page at a time and tested one by one; a request stops after
    /// `filterScanLimit` records and returns what it found (possibly nothing) with a `next` cursor.
    ///
    /// - Parameters:
    ///   - tableName: the table.
    ///   - filter: a CEL condition such as `channel == 'email' && sentiment != null && sentiment < 0.0`; nil or empty for none.
    ///   - limit: the most records returned, `1...RecordQuery.maximumLimit`.
    ///   - after: the previous page's `next` cursor.
    ///   - user: the caller, as `user` in the filter.
    /// - Throws: `RuntimeError(.badRequest)` naming the position of a problem in the filter, or of a
    ///   record it cannot be evaluated on.
    public func records(table tableName: String, filter: String?, limit: Int, after: String?, user: Value = .map(ValueMap())) async throws
        -> RecordPage
    {
        guard let filter, !filter.allSatisfy(\.isWhitespace) else { return try await records(table: tableName, limit: limit, after: after) }
        let table = try self.table(tableName)
        guard (1...RecordQuery.maximumLimit).contains(limit) else {
            throw RuntimeError(.badRequest, "limit must be between 1 and \(RecordQuery.maximumLimit)")
        }
        let program = try Self.compileFilter(filter, table: table)
        let pipeline = self.pipeline
        let context = EvaluationContext(now: .now, user: user)
        let sort = RecordSort(key: .createdAt)
        return try await mapStorageErrors {
            try await storage.read(app: name) { transaction in
                var found: [StoredRecord] = []
                var cursor = after
                var scanned = 0
                while scanned < Self.filterScanLimit {
                    let pageSize = min(max(limit, 100), Self.filterScanLimit - scanned)
                    let page = try transaction.records(RecordQuery(table: table.name.value, sort: sort, limit: pageSize, after: cursor))
                    for (index, record) in page.records.enumerated() {
                        scanned += 1
                        guard try Self.matches(program, record: record, table: table, pipeline: pipeline, context: context) else { continue }
                        found.append(record)
                        let more = index < page.records.count - 1 || page.next != nil
                        if found.count == limit { return RecordPage(records: found, next: more ? Self.cursor(after: record) : nil) }
                    }
                    guard let next = page.next else { return RecordPage(records: found, next: nil) }
                    cursor = next
                }
                return RecordPage(records: found, next: cursor)
            }
        }
    }

    /// Compiles a filter against a table's record type; problems become a bad request naming their position.
    static func compileFilter(_ filter: String, table: TableDefinition) throws -> Program {
        let compilation = TableScope(table: table).compiler().compile(filter, expecting: .bool)
        if let error = compilation.diagnostics.first(where: { $0.severity == .error }) ?? compilation.diagnostics.first,
            compilation.program == nil
        {
            throw RuntimeError(.badRequest, "filter: \(error.message) (at character \(error.range.lowerBound + 1))")
        }
        guard let program = compilation.program else { throw RuntimeError(.badRequest, "filter: not a valid expression") }
        return program
    }

    private static func matches(
        _ program: Program, record: StoredRecord, table: TableDefinition, pipeline: SubmissionPipeline, context: EvaluationContext
    ) throws -> Bool {
        var fields: [String: Value] = [:]
        for field in table.fields {
            fields[field.name.value] = pipeline.values.expressionValue(record.fields[field.name.value] ?? .null, of: field)
        }
        switch program.evaluate(RecordActivation(names: table.fields.map(\.name.value), fields: fields, context: context)) {
        case .success(.bool(let result)):
            return result
        case .success(let other):
            throw RuntimeError(.badRequest, "filter: gave \(other.kindName) for record '\(record.id)', not true or false")
        case .failure(let error):
            let position = error.range.map { " (at character \($0.lowerBound + 1))" } ?? ""
            throw RuntimeError(
                .badRequest, "filter: \(error.message)\(position) on record '\(record.id)'; test empty fields first, as in 'x != null && …'")
        }
    }

    /// The cursor continuing after a record, in creation order.
    private static func cursor(after record: StoredRecord) -> String {
        PageCursor(sort: RecordSort(key: .createdAt), value: .integer(ColumnType.microseconds(record.createdAt) ?? 0), id: record.id).text
    }
}
