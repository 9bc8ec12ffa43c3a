/// The ordered steps that turn the tables an app's store holds into the tables its definition wants.
///
/// A plan is made by ``MigrationPlanner`` without touching the store, shown to people (each step
/// reads as a sentence), and applied by a ``MigratingBackend`` in one transaction. Applying checks
/// that the store still holds ``stored``; a plan made against an older state is refused.
///
/// ```swift
/// let plan = try await store.plan(app: "crm", schema: tables, revision: definition.revision)
/// for step in plan.steps { print(step.isDestructive ? "! \(step)" : "  \(step)") }
/// try await store.apply(plan, allowDestructive: false)
/// ```
public struct MigrationPlan: Sendable, Hashable {
    /// The app the plan is for.
    public let app: String
    /// The definition revision the plan leads to; recorded with the applied migration.
    public let revision: String
    /// Every table and field the store held when the plan was made, dropped-but-kept ones included.
    public let stored: [TableSchema]
    /// The tables the app wants, in its order.
    public let wanted: [TableSchema]
    /// The steps, in the order they are applied.
    public let steps: [MigrationStep]
    /// Whether drops were left out (by ``withoutDrops()``): the dropped tables and fields then stay
    /// in the store, hidden from the app, their data kept.
    public let keepsDroppedData: Bool

    /// Creates a plan; ``MigrationPlanner/plan(app:stored:wanted:revision:)`` is the usual way.
    public init(app: String, revision: String, stored: [TableSchema], wanted: [TableSchema], steps: [MigrationStep], keepsDroppedData: Bool = false) {
        self.app = app
        self.revision = revision
        self.stored = stored
        self.wanted = wanted
        self.steps = steps
        self.keepsDroppedData = keepsDroppedData
    }

    /// Whether the store already holds what the app wants.
    public var isEmpty: Bool { steps.isEmpty }

    /// Whether any step can lose stored values.
    public var isDestructive: Bool { steps.contains(where: \.isDestructive) }

    /// The steps that can lose stored values.
    public var destructiveSteps: [MigrationStep] { steps.filter(\.isDestructive) }

    /// The same plan without its drop steps: what a server applies on its own at start, leaving
    /// removed tables and fields in the store (hidden, restorable) until someone migrates with
    /// destructive steps allowed.
    public func withoutDrops() -> MigrationPlan {
        MigrationPlan(app: app, revision: revision, stored: stored, wanted: wanted, steps: steps.filter { !$0.isDrop }, keepsDroppedData: true)
    }

    /// Every table and field the store holds once the plan is applied, in order: the wanted tables,
    /// then (when drops were left out) the dropped fields and tables that stay behind.
    public var storedAfter: [TableSchema] {
        var tables = wanted.map(Self.plain)
        guard keepsDroppedData else { return tables }
        let wantedKeys = Set(wanted.map { SchemaRules.foldedKey($0.name) })
        let renamedTableKeys = Set(
            steps.compactMap { step -> String? in
                if case .renameTable(let from, _) = step { return SchemaRules.foldedKey(from) } else { return nil }
            })
        let storedByKey = Dictionary(stored.map { (SchemaRules.foldedKey($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        for (index, table) in tables.enumerated() {
            let oldName =
                steps.compactMap { step -> String? in
                    if case .renameTable(let from, let to) = step, to == table.name { return from } else { return nil }
                }.first ?? table.name
            guard let old = storedByKey[SchemaRules.foldedKey(oldName)] else { continue }
            let renamedFieldKeys = Set(
                steps.compactMap { step -> String? in
                    if case .renameField(let owner, let from, _) = step, owner == table.name {
                        return SchemaRules.foldedKey(from)
                    } else {
                        return nil
                    }
                })
            let wantedFieldKeys = Set(table.columns.map { SchemaRules.foldedKey($0.name) })
            for column in old.columns {
                let key = SchemaRules.foldedKey(column.name)
                if !wantedFieldKeys.contains(key), !renamedFieldKeys.contains(key) { tables[index].columns.append(column) }
            }
        }
        for table in stored {
            let key = SchemaRules.foldedKey(table.name)
            if !wantedKeys.contains(key), !renamedTableKeys.contains(key) { tables.append(table) }
        }
        return tables
    }

    /// Whether two lists of stored tables describe the same tables and fields, whatever their order.
    public static func sameTables(_ left: [TableSchema], _ right: [TableSchema]) -> Bool {
        canonical(left) == canonical(right)
    }

    /// A table as a store records it: name, fields, types, unique and index flags, without plan hints.
    static func plain(_ table: TableSchema) -> TableSchema {
        TableSchema(
            name: table.name,
            columns: table.columns.map { ColumnSchema(name: $0.name, type: $0.type, isUnique: $0.isUnique, isIndexed: $0.isIndexed) })
    }

    private static func canonical(_ tables: [TableSchema]) -> [TableSchema] {
        tables.map { table in
            var copy = plain(table)
            copy.columns.sort { SchemaRules.foldedKey($0.name) < SchemaRules.foldedKey($1.name) }
            return copy
        }.sorted { SchemaRules.foldedKey($0.name) < SchemaRules.foldedKey($1.name) }
    }
}
