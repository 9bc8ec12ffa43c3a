import ArgumentParser
import FormwrightRuntime
import FormwrightStorage
import Foundation

/// `formwright import PATH TABLE FILE --store URL [--all-or-nothing]`: import a CSV file into a table.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file into a table, every row checked like a form submission.",
        discussion: """
            The file's first line names the fields (and optionally 'id', so links from other rows resolve); \
            it is UTF-8 CSV (RFC 4180), a byte order mark allowed. Each row is checked exactly like a form \
            submission; problems are printed as FILE:LINE: field 'x': message. Without --all-or-nothing the \
            valid rows are written and the command exits 1 if any row failed; with it, nothing is written \
            unless every row passes. The app's schema is brought up to date first (safe steps only) and its \
            seed data loaded, as every command that writes does. No workflow runs.
            """
    )

    @Argument(help: "An app folder, a folder of app folders, or one app file.")
    var path: String

    @Argument(help: "The table to import into.")
    var table: String

    @Argument(help: "The CSV file to import.")
    var file: String

    @OptionGroup var store: StoreOption

    @Option(help: "The app to import into, when PATH holds several.")
    var app: String?

    @Flag(help: "Write nothing unless every row passes.")
    var allOrNothing = false

    func run() async throws {
        let definition = try CommandSupport.loadOneApp(path, named: app)
        guard definition.table(named: table) != nil else {
            let names = definition.tables.map(\.name.value).joined(separator: ", ")
            Terminal.printError("error: no table '\(table)' in app '\(definition.name.value)' (tables: \(names))")
            throw ExitCode(1)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            Terminal.printError("error: cannot read '\(file)'")
            throw ExitCode(2)
        }
        let backend = try await store.open()
        let outcome: Result<ImportReport, any Error>
        do {
            let runtime = AppRuntime(definition: definition, storage: backend)
            try await runtime.prepare()
            _ = try await SeedLoader(runtime: runtime).load()
            outcome = .success(try await runtime.importCSV(table: table, bytes: Array(data), allOrNothing: allOrNothing))
        } catch {
            outcome = .failure(error)
        }
        try? await backend.close()
        let report: ImportReport
        switch outcome {
        case .success(let value): report = value
        case .failure(let rejected as SeedRejected):
            Terminal.printError(rejected.problems.map { "error: \($0)" }.joined(separator: "\n"))
            throw ExitCode(1)
        case .failure(let error):
            Terminal.printError("error: \(error)")
            throw ExitCode(1)
        }
        for rejection in report.rejections { Terminal.printError("\(rejection.located(in: file))") }
        let count = report.created
        let problems = report.rejections.count
        let found = report.isComplete ? "" : "; \(problems) problem\(problems == 1 ? "" : "s") found"
        Terminal.print("imported \(count) record\(count == 1 ? "" : "s") into table '\(table)'\(found)")
        if !report.isComplete { throw ExitCode(1) }
    }
}
