import Foundation
import Testing

/// `plan`, `migrate`, `import` and `export` against PostgreSQL, as a user runs them; each test
/// has an app (so a PostgreSQL schema) of its own, so tests run side by side.
@Suite struct PostgresCommandTests {
    static let database = ProcessInfo.processInfo.environment["FORMWRIGHT_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// A temporary app folder with a fresh app name and seed data, removed when done.
    final class Workspace {
        let folder: URL
        let app = "cli-\(UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(10))"
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-pg-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("app/data"), withIntermediateDirectories: true)
            try write(MigrationCommandTests.app.replacingOccurrences(of: "app: crm", with: "app: \(app)"), to: "app/app.yaml")
            try write("name,region,pod\nAda,east,=1+2\nBob,west,north\nCy,east,\n", to: "app/data/customers.csv")
        }
        deinit { try? FileManager.default.removeItem(at: folder) }
        func write(_ text: String, to path: String) throws {
            try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        func run(_ arguments: [String]) async throws -> CommandRunner.Output { try await CommandRunner.run(arguments, in: folder) }

        /// The exported records' lines, header first.
        func exported(_ store: String) async throws -> [Substring] {
            let output = try await run(["export", "app", "customers", "--store", store])
            #expect(output.status == 0, "\(output.standardError)")
            return output.standardOutput.split(separator: "\r\n")
        }
    }

    @Test(.enabled(if: database != nil, "runs when FORMWRIGHT_POSTGRES_URL names a database"))
    func planMigrateImportAndExportEndToEnd() async throws {
        let store = try #require(Self.database)
        let space = try Workspace()
        let plan = try await space.run(["plan", "app", "--store", store])
        #expect(plan.status == 0, "\(plan.standardError)")
        #expect(plan.standardOutput.contains("+ create table 'customers' with 3 fields"))
        #expect(!plan.standardOutput.contains(":formwright@"), "the password is not shown")
        // Planning wrote nothing: the same plan again, and nothing to export.
        #expect(try await space.run(["plan", "app", "--store", store]).standardOutput == plan.standardOutput)

        let migrate = try await space.run(["migrate", "app", "--store", store])
        #expect(migrate.status == 0, "\(migrate.standardError)")
        #expect(migrate.standardOutput.contains("loaded 3 records into table 'customers' of app '\(space.app)' from its seed file"))
        #expect(try await space.run(["plan", "app", "--store", store]).standardOutput.contains("up to date"))
        let again = try await space.run(["migrate", "app", "--store", store])
        #expect(again.status == 0)
        #expect(!again.standardOutput.contains("loaded"), "seed data loads once")

        try space.write("name,region\nDi,north\nEd,west\n", to: "more.csv")
        let strict = try await space.run(["import", "app", "customers", "more.csv", "--store", store, "--all-or-nothing"])
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("more.csv:2: field 'region': Please choose one of: east, west."))
        #expect(strict.standardOutput.contains("imported 0 records"))
        #expect(try await space.exported(store).count == 4, "nothing of the refused file was written")
        let partial = try await space.run(["import", "app", "customers", "more.csv", "--store", store])
        #expect(partial.status == 1)
        #expect(partial.standardOutput.contains("imported 1 record into table 'customers'; 1 problem found"))

        let lines = try await space.exported(store)
        #expect(lines.first == "id,name,region,pod")
        // Records created in one transaction share a time and follow their ids: compare as a set.
        #expect(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst().joined(separator: ",") }.sorted() == [
            "Ada,east,'=1+2", "Bob,west,north", "Cy,east,", "Ed,west,",
        ])

        // A field dropped from the YAML: plan and migrate refuse, and --allow-destructive applies.
        try space.write(
            MigrationCommandTests.app.replacingOccurrences(of: "app: crm", with: "app: \(space.app)").replacingOccurrences(
                of: "      pod: { type: text }", with: ""), to: "app/app.yaml")
        let destructive = try await space.run(["plan", "app", "--store", store])
        #expect(destructive.status == 1)
        #expect(destructive.standardOutput.contains("! drop field 'pod' of table 'customers' and its values (destructive)"))
        #expect(try await space.run(["migrate", "app", "--store", store]).status == 1)
        let allowed = try await space.run(["migrate", "app", "--store", store, "--allow-destructive"])
        #expect(allowed.status == 0, "\(allowed.standardError)")
        #expect(try await space.exported(store).first == "id,name,region")
    }

    @Test(.enabled(if: database != nil, "runs when FORMWRIGHT_POSTGRES_URL names a database"))
    func twoMigrationsStartedTogetherLoadTheSeedDataOnce() async throws {
        let store = try #require(Self.database)
        let space = try Workspace()
        var processes: [(Process, Pipe, Pipe)] = []
        for _ in 0..<2 {
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = ["migrate", "app", "--store", store]
            process.currentDirectoryURL = space.folder
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            processes.append((process, out, err))
        }
        for (process, _, _) in processes { try process.run() }
        var outputs: [String] = []
        for (process, out, err) in processes {
            // Waiting happens off the cooperative threads, which the store's own tasks need.
            let (text, errors) = try await CommandRunner.offThePool {
                let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                return (text, errors)
            }
            #expect(process.terminationStatus == 0, "\(errors)")
            outputs.append(text)
        }
        let loads = outputs.filter { $0.contains("loaded 3 records into table 'customers'") }
        #expect(loads.count == 1, "\(outputs)")
        #expect(try await space.exported(store).count == 4, "three seed records, stored once")
    }
}
