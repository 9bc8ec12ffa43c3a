public import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions
public import FormwrightStorage

extension AppRuntime {
    /// The most records one filtered request evaluates in memory before it returns what it found, with a cursor to go on from.
    public static let filterScanLimit = 10_000

    /// Where a filter is evaluated: as much as possible by the backend, or entirely in memory.
    enum FilterStrategy: Sendable {
        /// The translatable part goes to the backend as a ``RecordCondition``; the rest, if any, is evaluated in memory.
        case pushdown
        /// Every record is read and the filter evaluated on it; the reference the pushdown must agree with.
        case inMemory
    }

    /// A page of a table's records for which a CEL `filter` holds, in the order `sort` names,
    /// continuing after a cursor.
    ///
    /// The filter is checked like any expression of the table — its fields by name and as
    /// `record`, `user` and `now`, nothing else — so it can only narrow the records the caller
    /// could page through anyway: it cannot name another table or another record. A record on
    /// which the filter fails (an empty field compared with `<`, a division by zero) does not
    /// match, as SQL treats an unknown condition.
    ///
    /// The filter runs in the backend, as a ``RecordCondition``, wherever the backend gives
    /// exactly the answer CEL would. When a part of it cannot, the backend narrows the records by
    /// the conjuncts that can and the whole filter is evaluated on each record read; such a
    /// request stops after `filterScanLimit` records and returns what it found (possibly nothing)
    /// with a `next` cursor, valid for the same sort.
    ///
    /// - Parameters:
    ///   - tableName: the table.
    ///   - filter: a CEL condition such as `channel == 'email' && sentiment < 0.0`; nil or empty for none.
    ///   - sort: a field (ascending) or `-field` (descending), or `created_at`, `updated_at`, `id`;
    ///     nil or empty for ``RecordSort/listDefault``, oldest first.
    ///   - limit: the most records returned, `1...RecordQuery.maximumLimit`.
    ///   - after: the previous page's `next` cursor, made for the same sort.
    ///   - user: the caller, as `user` in the filter.
    /// - Throws: `RuntimeError(.badRequest)` for a bad limit, sort or cursor, a filter that does not
    ///   check (naming the position of the problem), or one that exceeds its evaluation budget.
    public func records(
        table tableName: String, filter: String?, sort: String? = nil, limit: Int, after: String?, user: Value = .map(ValueMap())
    ) async throws -> RecordPage {
        try await records(table: tableName, filter: filter, sort: sort, limit: limit, after: after, user: user, strategy: .pushdown)
    }

    /// ``records(table:filter:sort:limit:after:user:)`` with the evaluation strategy chosen.
    func records(
        table tableName: String, filter: String?, sort: String?, limit: Int, after: String?, user: Value, strategy: FilterStrategy
    ) async throws -> RecordPage {
        let table = try self.table(tableName)
        guard (1...RecordQuery.maximumLimit).contains(limit) else {
            throw RuntimeError(.badRequest, "limit must be between 1 and \(RecordQuery.maximumLimit)")
        }
        let order = try RecordSort(parameter: sort, table: table)
        guard let filter, !filter.allSatisfy(\.isWhitespace) else {
            return try await page(RecordQuery(table: table.name.value, sort: order, limit: limit, after: after))
        }
        let program = try Self.compileFilter(filter, table: table)
        let context = EvaluationContext(now: .now, user: user)
        let translation =
            switch strategy {
            case .pushdown: FilterTranslator(table: table, program: program, values: pipeline.values, context: context).translate()
            case .inMemory: FilterTranslation(condition: nil, isComplete: false)
            }
        if translation.isComplete {
            return try await page(RecordQuery(table: table.name.value, condition: translation.condition, sort: order, limit: limit, after: after))
        }
        let pipeline = self.pipeline
        return try await mapStorageErrors {
            try await storage.read(app: name) { transaction in
                var found: [StoredRecord] = []
                var cursor = after
                var scanned = 0
                while scanned < Self.filterScanLimit {
                    let pageSize = min(max(limit, 100), Self.filterScanLimit - scanned)
                    let page = try transaction.records(
                        RecordQuery(table: table.name.value, condition: translation.condition, sort: order, limit: pageSize, after: cursor))
                    for (index, record) in page.records.enumerated() {
                        scanned += 1
                        guard try Self.matches(program, record: record, table: table, pipeline: pipeline, context: context) else { continue }
                        found.append(record)
                        let more = index < page.records.count - 1 || page.next != nil
                        if found.count == limit {
                            let next = more ? PageCursor(sort: order, value: try order.value(of: record, table: table), id: record.id).text : nil
                            return RecordPage(records: found, next: next)
                        }
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

    private func page(_ query: RecordQuery) async throws -> RecordPage {
        try await mapStorageErrors { try await storage.read(app: name) { try $0.records(query) } }
    }

    /// Whether the filter holds for a record: false when its evaluation fails on the record's
    /// values, an error only when it exceeds its budget or is not a truth value.
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
        case .failure(let error) where error.isBudgetExceeded:
            throw RuntimeError(.badRequest, "filter: \(error.message) on record '\(record.id)'")
        case .failure:
            return false
        }
    }
}
