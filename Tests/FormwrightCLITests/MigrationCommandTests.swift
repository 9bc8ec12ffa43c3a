import Foundation
import Testing

/// `plan`, `migrate`, `import` and `export` run as a user would, on an app folder and SQLite file of their own.
@Suite struct MigrationCommandTests {
    static let app = """
        formwright: 1
        app: crm
        tables:
          customers:
            fields:
              name: { type: text, required: true }
              region: { type: choice, options: [east, west] }
              pod: { type: text }
        """

    /// A temporary app folder with seed data, removed when done.
    final class Workspace {
        let folder: URL
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("app/data"), withIntermediateDirectories: true)
            try write(MigrationCommandTests.app, to: "app/app.yaml")
            try write("id,name,region,pod\nc1,Ada,east,=1+2\nc2,Bob,west,north\n", to: "app/data/customers.csv")
        }
        deinit { try? FileManager.default.removeItem(at: folder) }
        func write(_ text: String, to path: String) throws {
            try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        var store: String { "sqlite:\(folder.path)/store.sqlite" }
        func run(_ arguments: [String]) async throws -> CommandRunner.Output { try await CommandRunner.run(arguments, in: folder) }
    }

    @Test func planWritesNothingAndMigrateRefusesDestructiveSteps() async throws {
        let space = try Workspace()
        let plan = try await space.run(["plan", "app", "--store", space.store])
        #expect(plan.status == 0)
        #expect(plan.standardOutput.contains("+ create table 'customers' with 3 fields"))
        #expect(!FileManager.default.fileExists(atPath: space.folder.path + "/store.sqlite"))

        let migrate = try await space.run(["migrate", "app", "--store", space.store])
        #expect(migrate.status == 0, "\(migrate.standardError)")
        #expect(migrate.standardOutput.contains("loaded 2 records into table 'customers' of app 'crm' from its seed file"))
        #expect(try await space.run(["plan", "app", "--store", space.store]).standardOutput.contains("up to date"))

        try space.write(
            Self.app.replacingOccurrences(of: "      pod: { type: text }\n", with: "").replacingOccurrences(
                of: "      pod: { type: text }", with: ""), to: "app/app.yaml")
        let destructive = try await space.run(["plan", "app", "--store", space.store])
        #expect(destructive.status == 1)
        #expect(destructive.standardOutput.contains("! drop field 'pod' of table 'customers' and its values (destructive)"))
        let refused = try await space.run(["migrate", "app", "--store", space.store])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("nothing was changed"))
        try space.write(Self.app, to: "app/app.yaml")
        let kept = try await space.run(["export", "app", "customers", "--store", space.store])
        #expect(kept.status == 0)
        #expect(kept.standardOutput == "id,name,region,pod\r\nc1,Ada,east,'=1+2\r\nc2,Bob,west,north\r\n")

        try space.write(Self.app.replacingOccurrences(of: "      pod: { type: text }", with: ""), to: "app/app.yaml")
        let allowed = try await space.run(["migrate", "app", "--store", space.store, "--allow-destructive"])
        #expect(allowed.status == 0, "\(allowed.standardError)")
        #expect(try await space.run(["plan", "app", "--store", space.store]).status == 0)
    }

    @Test func planShowsAnAddedIndexAndMigrateMakesIt() async throws {
        let space = try Workspace()
        #expect(try await space.run(["migrate", "app", "--store", space.store]).status == 0)
        let indexed = Self.app.replacingOccurrences(
            of: "region: { type: choice, options: [east, west] }", with: "region: { type: choice, options: [east, west], indexed: true }")
        try space.write(indexed, to: "app/app.yaml")
        let plan = try await space.run(["plan", "app", "--store", space.store])
        #expect(plan.status == 0)
        #expect(
            plan.standardOutput.hasSuffix(
                ": 1 step\n  + add an index on field 'region' of table 'customers', for fast filters and sorts on it\n"))
        let migrate = try await space.run(["migrate", "app", "--store", space.store])
        #expect(migrate.status == 0, "\(migrate.standardError)")
        #expect(try await space.run(["plan", "app", "--store", space.store]).standardOutput.contains("up to date"))
        try space.write(Self.app, to: "app/app.yaml")
        let drop = try await space.run(["plan", "app", "--store", space.store])
        #expect(drop.status == 0)
        #expect(drop.standardOutput.contains("  + drop the index on field 'region' of table 'customers', keeping its values\n"))
    }

    @Test func importReportsLinesAndExportRoundTrips() async throws {
        let space = try Workspace()
        try space.write("name,region\nCy,north\nDi,west\n", to: "more.csv")
        let partial = try await space.run(["import", "app", "customers", "more.csv", "--store", space.store])
        #expect(partial.status == 1)
        #expect(partial.standardError.contains("more.csv:2: field 'region': Please choose one of: east, west."))
        #expect(partial.standardOutput.contains("imported 1 record into table 'customers'"))
        let strict = try await space.run(["import", "app", "customers", "more.csv", "--store", space.store, "--all-or-nothing"])
        #expect(strict.status == 1)
        #expect(strict.standardOutput.contains("imported 0 records"))

        let exported = try await space.run(["export", "app", "customers", "--store", space.store, "--output", "out.csv"])
        #expect(exported.status == 0, "\(exported.standardError)")
        let text = try String(contentsOf: space.folder.appendingPathComponent("out.csv"), encoding: .utf8)
        #expect(text.hasPrefix("id,name,region,pod\r\nc1,Ada,east,'=1+2\r\n"))
        #expect(text.split(separator: "\r\n").count == 4)
        let west = try await space.run(["export", "app", "customers", "--store", space.store, "--filter", "region == 'west' || pod == 'north'"])
        #expect(west.status == 0, "\(west.standardError)")
        #expect(west.standardOutput.split(separator: "\r\n").map { $0.split(separator: ",").dropFirst().first } == ["name", "Bob", "Di"])
        let misspelt = try await space.run(["export", "app", "customers", "--store", space.store, "--filter", "regoin == 'west'"])
        #expect(misspelt.status == 1)
        #expect(misspelt.standardOutput.isEmpty)
        #expect(misspelt.standardError.contains("did you mean 'region'?"))

        let fresh = "sqlite:\(space.folder.path)/fresh.sqlite"
        try FileManager.default.removeItem(at: space.folder.appendingPathComponent("app/data/customers.csv"))
        let reimport = try await space.run(["import", "app", "customers", "out.csv", "--store", fresh, "--all-or-nothing"])
        #expect(reimport.status == 0, "\(reimport.standardError)")
        let again = try await space.run(["export", "app", "customers", "--store", fresh])
        // The same records; the order of records created in one import follows their ids.
        #expect(again.standardOutput.split(separator: "\r\n").sorted() == text.split(separator: "\r\n").sorted())
    }
}
