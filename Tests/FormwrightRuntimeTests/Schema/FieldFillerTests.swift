import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

/// Fields added with an `=` default or a computation are filled in existing records by the migration.
@Suite struct FieldFillerTests {
    static let before = """
        formwright: 1
        app: notes
        tables:
          notes:
            fields:
              title: { type: text, required: true }
              pages: { type: integer }
        """

    static let after = before + """

              slug: { type: text, default: "= title + '-' + string(pages)" }
              long: { type: boolean, compute: "pages > 10" }
              per_page: { type: integer, default: "= 100 / pages" }
              kept: { type: text, default: "= title", max_length: 3 }
        """

    static func definition(_ yaml: String) throws -> AppDefinition {
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        return try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
    }

    enum Store: String, CaseIterable {
        case memory, sqlite
    }

    @Test(arguments: Store.allCases)
    func fillsAddedFieldsOfExistingRecords(_ kind: Store) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("filler-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let storage: any StorageBackend =
            switch kind {
            case .memory: MemoryStorage()
            case .sqlite: try await SQLiteStorage(path: folder.appendingPathComponent("data.sqlite").path)
            }
        let old = AppRuntime(definition: try Self.definition(Self.before), storage: storage)
        try await old.prepare()
        var ids: [String] = []
        for (title, pages) in [("ab", 20), ("abcd", 0)] {
            let record = try await old.create(table: "notes", input: SubmissionInput(values: ["title": .string(title), "pages": .int(Int64(pages))], format: .json))
            ids.append(record.id)
        }
        let new = AppRuntime(definition: try Self.definition(Self.after), storage: storage)
        let plan = try await new.migrationPlan()
        #expect(plan.steps.map(\.description).contains("add field 'slug' (text) to table 'notes' (existing records get the value of '= title + '-' + string(pages)')"))
        #expect(plan.steps.map(\.description).contains("add field 'long' (boolean) to table 'notes' (existing records get the value of '= pages > 10')"))
        try await new.prepare()
        let first = try #require(try await new.record(table: "notes", id: ids[0]))
        #expect(first.fields["slug"] == .string("ab-20"))
        #expect(first.fields["long"] == .bool(true))
        #expect(first.fields["per_page"] == .int(5))
        #expect(first.fields["kept"] == .string("ab"))
        #expect(first.version == 2)
        // Division by zero and a value over max_length leave those fields empty; the rest is filled.
        let second = try #require(try await new.record(table: "notes", id: ids[1]))
        #expect(second.fields["slug"] == .string("abcd-0"))
        #expect(second.fields["long"] == .bool(false))
        #expect(second.fields["per_page"] == .null)
        #expect(second.fields["kept"] == .null)
        #expect(try await new.migrationPlan().isEmpty)
        try await storage.close()
    }
}
