import ArgumentParser
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage

/// `formwright migrate PATH --store URL [--allow-destructive]`: apply each app's migration, then
/// load seed data not loaded yet.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the schema migration each app under a path needs, then load its seed data.",
        discussion: """
            Every plan is made first; if any holds destructive steps (dropping a table or a field, narrowing a \
            type) and --allow-destructive is not given, the plans are printed, nothing is changed and the \
            command exits 1. Each app's migration runs in one transaction and is recorded with the definition \
            revision. Then each table's data/<table>.csv is loaded once, if the table is empty.
            """
    )

    @Argument(help: "An app folder, a folder of app folders, or one app file.")
    var path: String

    @OptionGroup var store: StoreOption

    @Flag(help: "Also apply steps that drop tables or fields or narrow types, losing their values.")
    var allowDestructive = false

    func run() async throws {
        let definitions = try CommandSupport.loadApps(path)
        let backend = try await store.openMigrating()
        let outcome: Result<Void, any Error>
        do {
            try await migrate(definitions, on: backend)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        try? await backend.close()
        try outcome.get()
    }

    private func migrate(_ definitions: [AppDefinition], on backend: any MigratingBackend) async throws {
        do {
            var plans: [(AppRuntime, MigrationPlan)] = []
            for definition in definitions {
                let plan = try await backend.plan(
                    app: definition.name.value, schema: StoreSchemaMapper.tables(of: definition), revision: definition.revision)
                plans.append((AppRuntime(definition: definition, storage: backend), plan))
            }
            let refused = plans.filter { $0.1.isDestructive && !allowDestructive }
            if !refused.isEmpty {
                for (_, plan) in refused { Terminal.print(PlanPrinter.text(plan, store: store.shownURL), terminator: "") }
                Terminal.printError(
                    "error: refused: the migration holds destructive steps; nothing was changed (pass --allow-destructive to apply them)")
                throw ExitCode(1)
            }
            for (runtime, plan) in plans {
                if try await runtime.apply(plan, allowDestructive: allowDestructive) != nil {
                    Terminal.print("migrated " + PlanPrinter.text(plan, store: store.shownURL), terminator: "")
                } else {
                    Terminal.print(PlanPrinter.text(plan, store: store.shownURL), terminator: "")
                }
                try await CommandSupport.loadSeeds(for: runtime) { Terminal.print($0) }
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Terminal.printError("error: \(error)")
            throw ExitCode(1)
        }
    }
}
