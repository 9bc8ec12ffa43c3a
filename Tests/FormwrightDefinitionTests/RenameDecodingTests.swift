import FormwrightDefinition
import Testing

/// `renamed_from:` on tables and fields reaches the definition; conflicts are in `Fixtures/checks/renames`.
@Suite struct RenameDecodingTests {
    @Test func formerNamesAreKeptWithTheirPlaces() throws {
        let yaml = """
            formwright: 1
            app: crm
            tables:
              clients:
                renamed_from: customers
                fields:
                  full_name: { type: text, renamed_from: name }
                  region: { type: text }
            """
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        let definition = try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
        let table = try #require(definition.table(named: "clients"))
        #expect(table.renamedFrom?.value == "customers")
        #expect(table.renamedFrom?.range.start.line == 5)
        #expect(table.field(named: "full_name")?.renamedFrom?.value == "name")
        #expect(table.field(named: "region")?.renamedFrom == nil)
    }

    @Test func aRenameToTheSameNameIsHarmless() throws {
        let yaml = "formwright: 1\napp: crm\ntables:\n  t:\n    renamed_from: t\n    fields:\n      f: { type: text, renamed_from: f }\n"
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        #expect(!loaded.hasErrors)
    }
}
