import ArgumentParser
import FormwrightRuntime
import FormwrightStorage
import Foundation

/// `formwright export PATH TABLE --store URL [--output FILE]`: write a table's records as CSV.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a table's records as CSV (RFC 4180), safe to open in a spreadsheet.",
        discussion: """
            The header is 'id' and every field that is not computed; money is decimal text, dates YYYY-MM-DD, \
            datetimes RFC 3339 (UTC). A cell a spreadsheet could run as a formula (starting with =, +, -, @, a \
            tab or a carriage return) gets a leading single quote; 'formwright import' removes it again. The \
            store is opened read-only.
            """
    )

    @Argument(help: "An app folder, a folder of app folders, or one app file.")
    var path: String

    @Argument(help: "The table to export.")
    var table: String

    @OptionGroup var store: StoreOption

    @Option(help: "The app to export from, when PATH holds several.")
    var app: String?

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Export only the records for which this CEL condition holds, as the records API's 'filter' takes it.")
    var filter: String?

    func run() async throws {
        let definition = try CommandSupport.loadOneApp(path, named: app)
        guard definition.table(named: table) != nil else {
            Terminal.printError("error: no table '\(table)' in app '\(definition.name.value)'")
            throw ExitCode(1)
        }
        guard let backend = try await store.openForPlanning() else {
            Terminal.printError("error: store '\(store.shownURL)' does not exist yet")
            throw ExitCode(1)
        }
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let opened = FileHandle(forWritingAtPath: output) else {
                try? await backend.close()
                Terminal.printError("error: cannot write '\(output)'")
                throw ExitCode(2)
            }
            handle = opened
        } else {
            handle = FileHandle.standardOutput
        }
        let outcome: Result<Int, any Error>
        do {
            let runtime = AppRuntime(definition: definition, storage: backend)
            outcome = .success(try await runtime.exportCSV(table: table, filter: filter) { text in try handle.write(contentsOf: Data(text.utf8)) })
        } catch {
            outcome = .failure(error)
        }
        try? await backend.close()
        if output != nil { try? handle.close() }
        switch outcome {
        case .success(let count):
            if output != nil { Terminal.printError("exported \(count) record\(count == 1 ? "" : "s") from table '\(table)'") }
        case .failure(let error):
            Terminal.printError("error: \(error)")
            throw ExitCode(1)
        }
    }
}
