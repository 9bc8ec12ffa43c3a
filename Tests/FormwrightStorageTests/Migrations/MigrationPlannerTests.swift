import FormwrightCore
import FormwrightStorage
import Testing

/// The planner is pure: stored tables and wanted tables in, ordered and described steps out.
@Suite struct MigrationPlannerTests {
    static let customers = TableSchema(
        name: "customers", columns: [ColumnSchema(name: "name", type: .text), ColumnSchema(name: "visits", type: .integer)])
    static let deals = TableSchema(
        name: "deals", columns: [ColumnSchema(name: "customer", type: .link(table: "customers")), ColumnSchema(name: "note", type: .text)])

    func plan(_ stored: [TableSchema], _ wanted: [TableSchema]) throws -> MigrationPlan {
        try MigrationPlanner.plan(app: "crm", stored: stored, wanted: wanted, revision: "r2")
    }

    @Test func aNewStoreCreatesEveryTable() throws {
        let plan = try plan([], [Self.customers, Self.deals])
        #expect(plan.steps == [.createTable(Self.customers), .createTable(Self.deals)])
        #expect(!plan.isDestructive)
        #expect(plan.steps.map(\.description) == ["create table 'customers' with 2 fields", "create table 'deals' with 2 fields"])
        #expect(try self.plan([Self.customers, Self.deals], [Self.customers, Self.deals]).isEmpty)
    }

    @Test func stepsComeInApplyOrderWithPlainDescriptions() throws {
        var wanted = Self.customers
        wanted.columns[1].type = .double
        wanted.columns[0].isUnique = true
        wanted.columns.append(ColumnSchema(name: "sentiment", type: .double, backfill: .double(0), typeLabel: "number"))
        let plan = try plan([Self.customers, Self.deals], [wanted])
        #expect(
            plan.steps.map(\.description) == [
                "add field 'sentiment' (number) to table 'customers' (existing records get 0.0)",
                "widen field 'visits' of table 'customers' from integer to double; every value is kept",
                "make field 'name' of table 'customers' unique",
                "drop table 'deals' and all its records",
            ])
        #expect(plan.destructiveSteps == [.dropTable("deals")])
    }

    @Test func renamesKeepDataAndDoNothingOnceApplied() throws {
        var clients = Self.customers
        clients.name = "clients"
        clients.renamedFrom = "customers"
        clients.columns[0] = ColumnSchema(name: "full_name", type: .text, renamedFrom: "name")
        var deals = Self.deals
        deals.columns[0].type = .link(table: "clients")
        let plan = try plan([Self.customers, Self.deals], [clients, deals])
        #expect(plan.steps == [.renameTable(from: "customers", to: "clients"), .renameField(table: "clients", from: "name", to: "full_name")])
        #expect(!plan.isDestructive)
        // Once applied, the store holds the new names and the hints do nothing.
        #expect(try self.plan(plan.storedAfter, [clients, deals]).isEmpty)
    }

    @Test func aRenameFromACurrentNameIsRefused() throws {
        var clients = Self.customers
        clients.name = "clients"
        clients.renamedFrom = "customers"
        let error = #expect(throws: StorageError.self) { try self.plan([Self.customers], [Self.customers, clients]) }
        #expect(error?.code == .invalidSchema)
        var fields = Self.customers
        fields.columns[1].renamedFrom = "name"
        let fieldError = #expect(throws: StorageError.self) { try self.plan([Self.customers], [fields]) }
        #expect(fieldError?.field == "visits")
    }

    @Test func namesMatchIgnoringCase() throws {
        let shouted = TableSchema(
            name: "Customers", columns: [ColumnSchema(name: "NAME", type: .text), ColumnSchema(name: "visits", type: .integer)])
        #expect(try plan([Self.customers], [shouted]).isEmpty)
    }

    @Test func typeChangesAreWideningOrDestructive() throws {
        func change(_ from: ColumnType, _ to: ColumnType) throws -> MigrationStep? {
            let stored = TableSchema(name: "t", columns: [ColumnSchema(name: "f", type: from)])
            let wanted = TableSchema(name: "t", columns: [ColumnSchema(name: "f", type: to)])
            return try plan([stored], [wanted]).steps.first
        }
        #expect(try change(.integer, .double)?.isDestructive == false)
        #expect(try change(.date, .text)?.isDestructive == false)
        #expect(try change(.double, .integer)?.isDestructive == true)
        #expect(try change(.money(scale: 2), .money(scale: 3))?.isDestructive == true)
        #expect(try change(.text, .integer)?.description == "narrow field 'f' of table 't' from text to integer; values that do not fit become empty")
        #expect(try change(.text, .text) == nil)
    }

    @Test func leavingDropsOutKeepsTheDroppedData() throws {
        let shrunk = TableSchema(name: "customers", columns: [ColumnSchema(name: "name", type: .text)])
        let plan = try plan([Self.customers, Self.deals], [shrunk]).withoutDrops()
        #expect(plan.isEmpty)
        #expect(MigrationPlan.sameTables(plan.storedAfter, [Self.customers, Self.deals]))
        #expect(try self.plan(plan.storedAfter, [shrunk]).destructiveSteps.count == 2)
    }

    @Test func aBackfillMustFitItsField() throws {
        var wanted = Self.customers
        wanted.columns.append(ColumnSchema(name: "since", type: .date, backfill: .string("not a date")))
        let error = #expect(throws: StorageError.self) { try self.plan([Self.customers], [wanted]) }
        #expect(error?.code == .invalidValue)
    }

    @Test func anIndexIsPlannedOnlyWhereAFieldNeedsAPlainOne() throws {
        func steps(_ stored: (unique: Bool, indexed: Bool), _ wanted: (unique: Bool, indexed: Bool)) throws -> [MigrationStep] {
            var old = Self.customers
            old.columns[0].isUnique = stored.unique
            old.columns[0].isIndexed = stored.indexed
            var new = Self.customers
            new.columns[0].isUnique = wanted.unique
            new.columns[0].isIndexed = wanted.indexed
            return try plan([old], [new]).steps
        }
        let add = MigrationStep.addIndex(table: "customers", field: "name")
        let drop = MigrationStep.dropIndex(table: "customers", field: "name")
        #expect(try steps((false, false), (false, true)) == [add])
        #expect(try steps((false, true), (false, false)) == [drop])
        #expect(try steps((false, true), (false, true)).isEmpty)
        // A unique field's index serves: indexing it too asks for nothing more.
        #expect(try steps((false, false), (true, true)) == [.addUniqueIndex(table: "customers", field: "name")])
        #expect(try steps((true, false), (true, true)).isEmpty)
        #expect(try steps((false, true), (true, true)) == [.addUniqueIndex(table: "customers", field: "name"), drop])
        #expect(try steps((true, true), (false, true)) == [.dropUniqueIndex(table: "customers", field: "name"), add])
        #expect(!add.isDestructive && !drop.isDestructive && !add.isDrop && !drop.isDrop)
        #expect(add.table == "customers" && add.field == "name" && drop.field == "name")
        #expect(add.description == "add an index on field 'name' of table 'customers', for fast filters and sorts on it")
        #expect(drop.description == "drop the index on field 'name' of table 'customers', keeping its values")
    }

    @Test func anIndexComesWithANewFieldOrTableAndFollowsRenames() throws {
        var wanted = Self.customers
        wanted.columns.append(ColumnSchema(name: "region", type: .text, isIndexed: true))
        let grown = try plan([Self.customers], [wanted])
        #expect(
            grown.steps == [
                .addField(table: "customers", column: ColumnSchema(name: "region", type: .text, isIndexed: true), backfill: nil),
                .addIndex(table: "customers", field: "region"),
            ])
        #expect(try self.plan(grown.storedAfter, [wanted]).isEmpty)
        #expect(grown.storedAfter.first?.columns.last?.isIndexed == true)

        let created = try plan([], [wanted])
        // The new table's step carries the flag; its index is made with the table.
        #expect(created.steps.map(\.description) == ["create table 'customers' with 3 fields"])
        if case .createTable(let table)? = created.steps.first {
            #expect(table.columns.map(\.isIndexed) == [false, false, true])
        } else {
            Issue.record("expected a created table, got \(created.steps)")
        }

        var clients = wanted
        clients.name = "clients"
        clients.renamedFrom = "customers"
        clients.columns[2] = ColumnSchema(name: "area", type: .text, isIndexed: true, renamedFrom: "region")
        let renamed = try plan(grown.storedAfter, [clients])
        #expect(renamed.steps == [.renameTable(from: "customers", to: "clients"), .renameField(table: "clients", from: "region", to: "area")])
        #expect(renamed.storedAfter.first?.columns.last == ColumnSchema(name: "area", type: .text, isIndexed: true))
    }
}
