import FormwrightCore

/// One app's tables in a ``MemoryStorage``: a value, so a write works on a copy and is
/// swapped in whole or dropped.
///
/// Tables, fields and their stored types are keyed by their ASCII-case-folded names, because
/// that is how SQL stores match identifiers; a schema may change a name's case and still find
/// its data.
struct MemoryApp: Sendable {
    var schema: AppSchema?
    /// Every table and field the app's store holds, dropped-but-kept ones included.
    var stored: [TableSchema] = []
    /// Folded table name → id → record, whose fields are keyed by folded field name.
    var tables: [String: [String: StoredRecord]] = [:]
    /// The migrations applied, oldest first.
    var migrations: [AppliedMigration] = []
    /// The seed files loaded.
    var seeds: [SeedLoad] = []

    /// Applies what needs no data loss and makes `newSchema` current (``StorageBackend/prepare(app:schema:)``).
    mutating func prepare(_ newSchema: AppSchema) throws {
        let plan = try MigrationPlanner.plan(app: newSchema.app, stored: stored, wanted: newSchema.tables, revision: "").withoutDrops()
        _ = try apply(plan, allowDestructive: false, now: .now)
    }

    func tableSchema(_ name: String, app: String) throws -> TableSchema {
        guard let schema else { throw StorageError.unknownTable(name, app: app) }
        return try schema.table(name)
    }

    func rows(_ table: TableSchema) -> [String: StoredRecord] {
        tables[SchemaRules.foldedKey(table.name)] ?? [:]
    }

    /// A stored record as the current schema shows it: every schema field, nothing else.
    func project(_ stored: StoredRecord, _ table: TableSchema) -> StoredRecord {
        var record = stored
        record.fields = Dictionary(
            uniqueKeysWithValues: table.columns.map { ($0.name, stored.fields[SchemaRules.foldedKey($0.name)] ?? .null) })
        return record
    }

    func storedValue(_ record: StoredRecord, _ column: ColumnSchema, _ table: TableSchema) throws -> ColumnValue {
        try column.type.encode(record.fields[SchemaRules.foldedKey(column.name)] ?? .null, field: column.name, table: table.name)
    }

    func sortValue(_ record: StoredRecord, _ sort: RecordSort, _ table: TableSchema) throws -> ColumnValue {
        switch sort.key {
        case .id: return .text(record.id)
        case .createdAt: return .integer(ColumnType.microseconds(record.createdAt) ?? 0)
        case .updatedAt: return .integer(ColumnType.microseconds(record.updatedAt) ?? 0)
        case .field(let name): return try storedValue(record, try table.requireColumn(name), table)
        }
    }

    /// The records whose fields equal `filters` and for which `condition` is true.
    func matching(_ table: TableSchema, _ filters: [String: Value], _ condition: RecordCondition? = nil) throws -> [StoredRecord] {
        let wanted = try table.encode(fields: filters)
        let tested = try condition.map { try table.checkCondition($0) } ?? [:]
        return try rows(table).values.filter { record in
            guard try wanted.allSatisfy({ try storedValue(record, $0.column, table) == $0.value }) else { return false }
            guard let condition else { return true }
            let values = try tested.mapValues { try storedValue(record, $0, table) }
            return condition.evaluate { values[$0] ?? .null } == true
        }
    }

    func page(_ query: RecordQuery, app: String) throws -> RecordPage {
        let table = try tableSchema(query.table, app: app)
        let cursor = try table.checkPaging(query)
        var keyed = try matching(table, query.filters, query.condition).map { (value: try sortValue($0, query.sort, table), record: $0) }
        let descending = query.sort.descending
        keyed.sort { left, right in
            if left.value != right.value { return descending ? right.value < left.value : left.value < right.value }
            let (first, second) = descending ? (right.record.id, left.record.id) : (left.record.id, right.record.id)
            return first.utf8.lexicographicallyPrecedes(second.utf8)
        }
        if let cursor { keyed.removeAll { !cursor.precedes(value: $0.value, id: $0.record.id) } }
        let shown = keyed.prefix(query.limit)
        let next = keyed.count > query.limit ? shown.last.map { PageCursor(sort: query.sort, value: $0.value, id: $0.record.id).text } : nil
        return RecordPage(records: shown.map { project($0.record, table) }, next: next)
    }

    func exists(_ table: TableSchema, field: String, value: Value, excludingID: String?) throws -> Bool {
        let column = try table.requireColumn(field)
        let wanted = try column.type.encode(value, field: field, table: table.name)
        if wanted == .null { return false }
        return try rows(table).values.contains { record in
            guard record.id != excludingID else { return false }
            return try storedValue(record, column, table) == wanted
        }
    }
}
