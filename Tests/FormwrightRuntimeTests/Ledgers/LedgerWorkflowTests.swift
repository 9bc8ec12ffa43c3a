import FormwrightCore
import FormwrightDefinition
import FormwrightStorage
import Testing

@testable import FormwrightRuntime

/// A workflow step that creates a ledger entry moves balances like any other write, and one the
/// paying account cannot cover fails the step with nothing written.
@Suite struct LedgerWorkflowTests {
    static let yaml = """
        formwright: 1
        app: ledger-workflow
        tables:
          accounts:
            fields:
              name: { type: text, required: true }
              balance: { type: integer, readonly: true, min: 0, default: 0 }
          transfers:
            fields:
              payer: { type: link, table: accounts, required: true }
              payee: { type: link, table: accounts, required: true }
              points: { type: integer, required: true }
            ledger: { accounts: accounts, balance: balance, from: payer, to: payee, amount: points }
          requests:
            fields:
              payer: { type: link, table: accounts, required: true }
              payee: { type: link, table: accounts, required: true }
              points: { type: integer, required: true }
        workflows:
          pay:
            on: { created: requests }
            steps:
              - id: transfer
                create: transfers
                values: { payer: "= record.payer", payee: "= record.payee", points: "= record.points" }
        """

    static func jobs(_ runtime: AppRuntime) async throws -> [Job] {
        try await runtime.storage.read(app: runtime.name) { try $0.jobs(JobQuery(limit: 10)) }
    }

    static func balances(_ runtime: AppRuntime) async throws -> [String: Value] {
        let accounts = try await runtime.records(table: "accounts", limit: 10, after: nil).records
        return Dictionary(uniqueKeysWithValues: accounts.map { ($0.id, $0.fields["balance"] ?? .null) })
    }

    @Test func aStepMovesBalancesOrFailsWithNothingWritten() async throws {
        let loaded = DefinitionLoader().load(bytes: Array(Self.yaml.utf8), path: "app.yaml")
        let definition = try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
        let runtime = AppRuntime(definition: definition, storage: MemoryStorage())
        try await runtime.prepare()
        let accounts = "id,name,balance\nada,Ada,10\nbob,Bob,0\n"
        #expect(try await runtime.importCSV(table: "accounts", bytes: Array(accounts.utf8), allOrNothing: true).created == 2)
        let worker = WorkflowWorker(
            app: runtime.name, storage: runtime.storage, definitions: DefinitionRegistry(runtime.definition),
            transport: ScriptedService { _, _ in WorkflowTestApp.okResponse }, owner: "worker", environment: [:])

        let request = { (points: Int64) in
            SubmissionInput(values: ["payer": .string("ada"), "payee": .string("bob"), "points": .int(points)], format: .json)
        }
        _ = try await runtime.create(table: "requests", input: request(7))
        #expect(try await worker.runNext())
        #expect(try await Self.balances(runtime) == ["ada": .int(3), "bob": .int(7)])

        _ = try await runtime.create(table: "requests", input: request(4))
        #expect(try await worker.runNext())
        let failed = try await Self.jobs(runtime).filter { $0.state == .failed }
        #expect(failed.count == 1)
        #expect(
            failed.first?.lastError
                == "step 'transfer': the record was refused: 'points': The paying account holds only 3, which is not enough for this amount.")
        #expect(try await Self.balances(runtime) == ["ada": .int(3), "bob": .int(7)])
        #expect(try await runtime.records(table: "transfers", limit: 10, after: nil).records.count == 1)
    }
}
