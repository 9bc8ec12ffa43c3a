import ArgumentParser
import FormwrightRuntime
import FormwrightStorage

/// `formwright plan PATH --store URL`: show the migration each app needs, writing nothing.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the schema migration each app under a path needs, without changing the store.",
        discussion: """
            Opens the store read-only (a missing SQLite file is an empty store and is not created) and prints, \
            per app, the steps that would bring the stored tables to the app's definition. Steps marked '!' are \
            destructive: they drop or convert stored values. Exits 0 when every plan is empty or safe, 1 when a \
            plan holds destructive steps (or an app has errors).
            """
    )

    @Argument(help: "An app folder, a folder of app folders, or one app file.")
    var path: String

    @OptionGroup var store: StoreOption

    func run() async throws {
        let definitions = try CommandSupport.loadApps(path)
        let backend = try await store.openForPlanning()
        var destructive = false
        do {
            for definition in definitions {
                let schema = StoreSchemaMapper.tables(of: definition)
                let app = definition.name.value
                let stored = try await backend?.storedTables(app: app) ?? []
                let plan = try MigrationPlanner.plan(app: app, stored: stored, wanted: schema, revision: definition.revision)
                Terminal.print(PlanPrinter.text(plan, store: store.shownURL), terminator: "")
                destructive = destructive || plan.isDestructive
            }
        } catch {
            Terminal.printError("error: \(error)")
            try? await backend?.close()
            throw ExitCode(1)
        }
        try? await backend?.close()
        if destructive {
            Terminal.printError("the plan holds destructive steps; 'formwright migrate --allow-destructive' applies them")
            throw ExitCode(1)
        }
    }
}
