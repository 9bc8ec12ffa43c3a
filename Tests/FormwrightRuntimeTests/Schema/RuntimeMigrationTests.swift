import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Testing

/// The runtime's own migration calls, as a reloading server uses them.
@Suite struct RuntimeMigrationTests {
    @Test func aChangedDefinitionPlansAndMigrates() async throws {
        let app = try ImportTestApp()
        let store = MemoryStorage()
        let first = AppRuntime(definition: try app.definition(), storage: store)
        #expect(try await first.migrationPlan().steps.count == 2)
        #expect(try await first.migrate(allowDestructive: false)?.revision == first.definition.revision)
        #expect(try await first.migrationPlan().isEmpty)
        let imported = try await first.importRows(
            table: "customers", rows: [ImportRow(line: 2, id: "c1", values: ["name": .string("Ada"), "code": .string("A")])], allOrNothing: true)
        #expect(imported.created == 1)

        let yaml = ImportTestApp.yaml.replacingOccurrences(of: "      code: { type: text, unique: true }\n", with: "")
            .replacingOccurrences(of: "name: { type: text, required: true, max_length: 40 }", with: "full_name: { type: text, renamed_from: name }")
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        let second = AppRuntime(definition: try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))"), storage: store)
        let plan = try await second.migrationPlan()
        #expect(
            plan.steps.map(\.description) == [
                "rename field 'name' of table 'customers' to 'full_name', keeping its values",
                "drop field 'code' of table 'customers' and its values",
            ])
        await #expect(throws: StorageError.self) { try await second.migrate(allowDestructive: false) }
        try await second.prepare()
        #expect(try await second.record(table: "customers", id: "c1")?.fields["full_name"] == .string("Ada"))
        #expect(try await second.migrate(allowDestructive: true) != nil)
        #expect(try await second.migrationPlan().isEmpty)
    }
}
