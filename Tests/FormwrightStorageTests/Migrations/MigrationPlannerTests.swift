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
}
