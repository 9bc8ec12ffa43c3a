import FormwrightCore

extension MemoryApp {
    /// Applies a plan to this copy of the app; the caller keeps the copy only if this returns.
    mutating func apply(
        _ plan: MigrationPlan, allowDestructive: Bool, now: Timestamp, finishing: MigrationFinisher? = nil
    ) throws -> AppliedMigration? {
        try plan.checkCurrent(stored)
        try plan.checkAllowed(allowDestructive: allowDestructive)
        let checked = try AppSchema(app: plan.app, tables: plan.wanted)
        for step in plan.steps { try run(step) }
        stored = plan.storedAfter
        schema = checked
        guard !plan.isEmpty else { return nil }
        if let finishing {
            let transaction = MemoryWriteTransaction(app: plan.app, tables: self)
            try finishing(plan, transaction)
            self = transaction.tables
        }
        let entry = AppliedMigration(
            app: plan.app, revision: plan.revision, appliedAt: try now.storedPrecision(), steps: plan.steps.map(\.description))
        migrations.append(entry)
        return entry
    }

    private mutating func run(_ step: MigrationStep) throws {
        switch step {
        case .createTable(let table):
            tables[key(table.name)] = [:]
        case .renameTable(let from, let to):
            tables[key(to)] = tables.removeValue(forKey: key(from)) ?? [:]
            let old = key(from)
            for index in seeds.indices where SchemaRules.foldedKey(seeds[index].table) == old { seeds[index].table = to }
        case .renameField(let table, let from, let to):
            let (old, new) = (key(from), key(to))
            updateRecords(table) { fields in fields[new] = fields.removeValue(forKey: old) ?? .null }
        case .addField(let table, let column, let backfill):
            let new = key(column.name)
            updateRecords(table) { fields in fields[new] = backfill ?? .null }
        case .changeType(let change):
            let (name, from, to) = (key(change.field), change.from, change.to)
            updateRecords(change.table) { fields in fields[name] = from.convert(fields[name] ?? .null, to: to) ?? .null }
        case .addUniqueIndex(let table, let field):
            try checkUnique(table: table, field: field)
        case .dropUniqueIndex, .addIndex, .dropIndex:
            // The memory store scans its records; the flags it keeps in `stored` are all an index is here.
            break
        case .dropField(let table, let field):
            let name = key(field)
            updateRecords(table) { fields in fields[name] = nil }
        case .dropTable(let table):
            tables[key(table)] = nil
            let dropped = key(table)
            seeds.removeAll { SchemaRules.foldedKey($0.table) == dropped }
        }
    }

    private mutating func updateRecords(_ table: String, _ change: (inout [String: Value]) -> Void) {
        guard var rows = tables[key(table)] else { return }
        for (id, var record) in rows {
            change(&record.fields)
            rows[id] = record
        }
        tables[key(table)] = rows
    }

    private func checkUnique(table: String, field: String) throws {
        var seen: Set<Value> = []
        var shared: [Value] = []
        for record in (tables[key(table)] ?? [:]).values.sorted(by: { $0.id < $1.id }) {
            let value = record.fields[key(field)] ?? .null
            guard value != .null else { continue }
            if !seen.insert(value).inserted, !shared.contains(value) { shared.append(value) }
        }
        guard !shared.isEmpty else { return }
        throw StorageError.notUnique(table: table, field: field, sharedValues: shared.map(Self.columnValue).sorted())
    }

    private static func columnValue(_ value: Value) -> ColumnValue {
        switch value {
        case .string(let text): .text(text)
        case .int(let number): .integer(number)
        case .double(let number): .real(number)
        case .bool(let flag): .integer(flag ? 1 : 0)
        case .timestamp(let time): .text(time.rfc3339)
        default: .text("\(value)")
        }
    }

    private func key(_ name: String) -> String { SchemaRules.foldedKey(name) }
}
