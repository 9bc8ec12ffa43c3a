/// Diffs the tables a store holds against the tables an app wants into an ordered ``MigrationPlan``.
///
/// Pure: it reads no store. Names are matched as stores match identifiers, ignoring ASCII case.
/// A wanted table or field that is not stored but names a stored one in `renamedFrom` is a
/// rename; once the rename is applied the old name is gone and `renamedFrom` does nothing.
///
/// Steps come in the order they are applied: table renames, field renames, new tables, new
/// fields, widened then narrowed types, indexes (unique ones, then plain ones) dropped then added,
/// dropped fields, then dropped tables. A plain index is planned only for a field that is indexed
/// and not unique (``ColumnSchema/needsPlainIndex``): a unique field's index already serves.
public enum MigrationPlanner {
    /// The plan that turns `stored` into `wanted`.
    ///
    /// - Parameters:
    ///   - app: the app's name.
    ///   - stored: every table and field the store holds for the app (``MigratingBackend/storedTables(app:)``).
    ///   - wanted: the app's tables, with `renamedFrom` and `backfill` hints.
    ///   - revision: the definition revision the plan leads to.
    /// - Throws: ``StorageError/Code/invalidSchema`` when `wanted` cannot be stored, a rename's old
    ///   name is also a wanted name; ``StorageError/Code/invalidValue`` when a backfill value does not fit its field.
    public static func plan(app: String, stored: [TableSchema], wanted: [TableSchema], revision: String) throws -> MigrationPlan {
        _ = try AppSchema(app: app, tables: wanted)
        try SchemaRules.validate(revision: revision)
        var builder = Builder(stored: stored, wanted: wanted)
        try builder.build()
        return MigrationPlan(app: app, revision: revision, stored: stored, wanted: wanted, steps: builder.ordered)
    }

    private struct Builder {
        let stored: [TableSchema]
        let wanted: [TableSchema]
        var renamesOfTables: [MigrationStep] = []
        var renamesOfFields: [MigrationStep] = []
        var creations: [MigrationStep] = []
        var additions: [MigrationStep] = []
        var widenings: [MigrationStep] = []
        var narrowings: [MigrationStep] = []
        var indexDrops: [MigrationStep] = []
        var indexAdditions: [MigrationStep] = []
        var plainIndexDrops: [MigrationStep] = []
        var plainIndexAdditions: [MigrationStep] = []
        var fieldDrops: [MigrationStep] = []
        var tableDrops: [MigrationStep] = []
        /// Folded stored table name → the wanted table name it becomes.
        var tableNameAfter: [String: String] = [:]

        init(stored: [TableSchema], wanted: [TableSchema]) {
            self.stored = stored
            self.wanted = wanted
        }

        var ordered: [MigrationStep] {
            renamesOfTables + renamesOfFields + creations + additions + widenings + narrowings + indexDrops + indexAdditions + plainIndexDrops
                + plainIndexAdditions + fieldDrops + tableDrops
        }

        mutating func build() throws {
            let storedByKey = Dictionary(stored.map { (key($0.name), $0) }, uniquingKeysWith: { first, _ in first })
            let wantedKeys = Set(wanted.map { key($0.name) })
            var matched: [(wanted: TableSchema, stored: TableSchema)] = []
            for table in wanted {
                if let old = table.renamedFrom, wantedKeys.contains(key(old)), key(old) != key(table.name) {
                    throw StorageError(
                        .invalidSchema, "table '\(table.name)' is renamed from '\(old)', which is also a current table", table: table.name)
                }
                if let existing = storedByKey[key(table.name)] {
                    matched.append((table, existing))
                    tableNameAfter[key(existing.name)] = table.name
                } else if let old = table.renamedFrom, let existing = storedByKey[key(old)], tableNameAfter[key(old)] == nil {
                    renamesOfTables.append(.renameTable(from: existing.name, to: table.name))
                    matched.append((table, existing))
                    tableNameAfter[key(existing.name)] = table.name
                } else {
                    creations.append(.createTable(MigrationPlan.plain(table)))
                }
            }
            for pair in matched { try diffFields(wanted: pair.wanted, stored: pair.stored) }
            for table in stored where tableNameAfter[key(table.name)] == nil {
                tableDrops.append(.dropTable(table.name))
            }
        }

        private mutating func diffFields(wanted table: TableSchema, stored old: TableSchema) throws {
            let storedByKey = Dictionary(old.columns.map { (key($0.name), $0) }, uniquingKeysWith: { first, _ in first })
            let wantedKeys = Set(table.columns.map { key($0.name) })
            var used: Set<String> = []
            for column in table.columns {
                if let from = column.renamedFrom, wantedKeys.contains(key(from)), key(from) != key(column.name) {
                    throw StorageError(
                        .invalidSchema, "field '\(column.name)' of table '\(table.name)' is renamed from '\(from)', which is also a current field",
                        table: table.name, field: column.name)
                }
                let existing: ColumnSchema
                if let same = storedByKey[key(column.name)] {
                    existing = same
                } else if let from = column.renamedFrom, let renamed = storedByKey[key(from)], !used.contains(key(from)) {
                    renamesOfFields.append(.renameField(table: table.name, from: renamed.name, to: column.name))
                    existing = renamed
                } else {
                    let backfill = try column.backfill.map { try column.type.normalize($0, field: column.name, table: table.name) }
                    additions.append(
                        .addField(
                            table: table.name,
                            column: ColumnSchema(
                                name: column.name, type: column.type, isUnique: column.isUnique, isIndexed: column.isIndexed,
                                fillExpression: column.fillExpression,
                                typeLabel: column.typeLabel),
                            backfill: backfill == .null ? nil : backfill))
                    if column.isUnique { indexAdditions.append(.addUniqueIndex(table: table.name, field: column.name)) }
                    if column.needsPlainIndex { plainIndexAdditions.append(.addIndex(table: table.name, field: column.name)) }
                    continue
                }
                used.insert(key(existing.name))
                compare(existing, column, table: table.name)
            }
            for column in old.columns where !used.contains(key(column.name)) {
                fieldDrops.append(.dropField(table: table.name, field: column.name))
            }
        }

        private mutating func compare(_ existing: ColumnSchema, _ column: ColumnSchema, table: String) {
            let storedType = afterTableRenames(existing.type)
            if !sameType(storedType, column.type) {
                let change = TypeChange(
                    table: table, field: column.name, from: storedType, to: column.type, fromLabel: existing.typeLabel, toLabel: column.typeLabel)
                let step = MigrationStep.changeType(change)
                if change.isWidening { widenings.append(step) } else { narrowings.append(step) }
            }
            if existing.isUnique, !column.isUnique { indexDrops.append(.dropUniqueIndex(table: table, field: column.name)) }
            if !existing.isUnique, column.isUnique { indexAdditions.append(.addUniqueIndex(table: table, field: column.name)) }
            if existing.needsPlainIndex, !column.needsPlainIndex { plainIndexDrops.append(.dropIndex(table: table, field: column.name)) }
            if !existing.needsPlainIndex, column.needsPlainIndex { plainIndexAdditions.append(.addIndex(table: table, field: column.name)) }
        }

        /// A stored link type pointing at a table that this plan renames, pointed at the new name.
        private func afterTableRenames(_ type: ColumnType) -> ColumnType {
            guard case .link(let target) = type, let renamed = tableNameAfter[key(target)] else { return type }
            return .link(table: renamed)
        }

        private func sameType(_ left: ColumnType, _ right: ColumnType) -> Bool {
            if case .link(let a) = left, case .link(let b) = right { return key(a) == key(b) }
            return left == right
        }

        private func key(_ name: String) -> String { SchemaRules.foldedKey(name) }
    }
}
