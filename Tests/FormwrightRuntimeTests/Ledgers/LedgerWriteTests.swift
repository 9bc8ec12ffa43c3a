import FormwrightCore
import FormwrightRuntime
import FormwrightStorage
import Testing

/// A ledger entry moves its amount between two balances in the same transaction as its insert;
/// an entry that would overdraw is refused with nothing written; entries are append-only.
@Suite struct LedgerWriteTests {
    @Test func seedDataIssuesCreditsAndItsTradeMovesThem() async throws {
        let store = try await LeadMarket.open("sqlite")
        let runtime = store.runtime
        // data/trades.csv: West 1 bought a lead from East 1 for 120.00.
        let expected: [String: Int64] = [
            "pod-east-1": 112_000, "pod-east-2": 80_000, "pod-north-1": 120_000, "pod-south-1": 60_000, "pod-west-1": 28_000,
        ]
        #expect(try await LeadMarket.credits(runtime) == expected)
        #expect(expected.values.reduce(0, +) == LeadMarket.issued.values.reduce(0, +))
        #expect(try await LeadMarket.trades(runtime).count == 1)
        try await store.close()
    }

    @Test func aTradeMovesThePriceFromBuyerToSeller() async throws {
        let store = try await LeadMarket.open("sqlite")
        let runtime = store.runtime
        let before = try await LeadMarket.credits(runtime)
        let record = try await runtime.submit(
            form: "trade", input: LeadMarket.trade(seller: "pod-north-1", buyer: "pod-south-1", price: "250.50", item: "support_hours"))
        #expect(record.fields["price"] == .int(25_050))
        let after = try await LeadMarket.credits(runtime)
        #expect(after["pod-south-1"] == before["pod-south-1"].map { $0 - 25_050 })
        #expect(after["pod-north-1"] == before["pod-north-1"].map { $0 + 25_050 })
        #expect(after.values.reduce(0, +) == before.values.reduce(0, +))
        #expect(try await LeadMarket.trades(runtime).count == 2)
        try await store.close()
    }

    @Test func aTradeTheBuyerCannotPayForIsRefusedAndWritesNothing() async throws {
        let store = try await LeadMarket.open("sqlite")
        let runtime = store.runtime
        let before = try await LeadMarket.credits(runtime)
        // West 1 holds 280.00 after the seed trade.
        await #expect(throws: SubmissionRejected([FieldError(field: "price", problem: .insufficientBalance(available: "280.00"))])) {
            try await runtime.create(table: "trades", input: LeadMarket.trade(seller: "pod-east-1", buyer: "pod-west-1", price: "280.01"))
        }
        let message = FieldProblem.insufficientBalance(available: "280.00").message(for: ["en"])
        #expect(message == "The paying account holds only 280.00, which is not enough for this amount.")
        #expect(try await LeadMarket.credits(runtime) == before)
        #expect(try await LeadMarket.trades(runtime).count == 1)
        // Exactly the balance may be spent.
        _ = try await runtime.create(table: "trades", input: LeadMarket.trade(seller: "pod-east-1", buyer: "pod-west-1", price: "280.00"))
        #expect(try await LeadMarket.credits(runtime)["pod-west-1"] == 0)
        try await store.close()
    }

    @Test func aTradeWithItselfIsRefused() async throws {
        let store = try await LeadMarket.open("sqlite")
        let runtime = store.runtime
        let before = try await LeadMarket.credits(runtime)
        await #expect(throws: SubmissionRejected([FieldError(field: "seller", problem: .sameAccount)])) {
            try await runtime.create(table: "trades", input: LeadMarket.trade(seller: "pod-east-2", buyer: "pod-east-2", price: "1.00"))
        }
        #expect(try await LeadMarket.credits(runtime) == before)
        #expect(try await LeadMarket.trades(runtime).count == 1)
        try await store.close()
    }

    @Test func tradesCannotBeChangedOrDeleted() async throws {
        let store = try await LeadMarket.open("sqlite")
        let runtime = store.runtime
        let trade = try await runtime.create(
            table: "trades", input: LeadMarket.trade(seller: "pod-east-1", buyer: "pod-north-1", price: "10.00"))
        let before = try await LeadMarket.credits(runtime)
        await #expect(throws: SubmissionRejected([FieldError(field: "", problem: .ledgerEntryFixed)])) {
            try await runtime.update(
                table: "trades", id: trade.id, input: SubmissionInput(values: ["price": .string("1.00")], format: .json), expectedVersion: nil)
        }
        await #expect(
            throws: RuntimeError(.conflict, "records of table 'trades' are ledger entries and cannot be deleted; record a new entry to correct one")
        ) {
            try await runtime.delete(table: "trades", id: trade.id, expectedVersion: nil)
        }
        await #expect(
            throws: RuntimeError(.conflict, "records of table 'pods' are ledger accounts and cannot be deleted: their balances would be lost")
        ) {
            try await runtime.delete(table: "pods", id: "pod-west-1", expectedVersion: nil)
        }
        #expect(try await runtime.record(table: "trades", id: trade.id)?.fields["price"] == .int(1_000))
        #expect(try await runtime.record(table: "trades", id: trade.id)?.version == 1)
        #expect(try await LeadMarket.credits(runtime) == before)
        try await store.close()
    }

    @Test func creditsCannotBeSetByPeople() async throws {
        let store = try await LeadMarket.open("sqlite")
        let runtime = store.runtime
        let before = try await LeadMarket.credits(runtime)
        await #expect(throws: SubmissionRejected([FieldError(field: "credits", problem: .ledgerBalance)])) {
            try await runtime.update(
                table: "pods", id: "pod-west-1", input: SubmissionInput(values: ["credits": .string("9999.00")], format: .json),
                expectedVersion: nil)
        }
        await #expect(throws: SubmissionRejected([FieldError(field: "credits", problem: .readOnly)])) {
            try await runtime.create(
                table: "pods", input: SubmissionInput(values: ["name": .string("Rich"), "credits": .string("9999.00")], format: .json))
        }
        let newPod = try await runtime.create(table: "pods", input: SubmissionInput(values: ["name": .string("New")], format: .json))
        #expect(newPod.fields["credits"] == .int(0))
        var expected = before
        expected[newPod.id] = 0
        #expect(try await LeadMarket.credits(runtime) == expected)
        try await store.close()
    }

    static let importedTrades = """
        seller,buyer,item,price
        pod-east-2,pod-west-1,lead,200.00
        pod-north-1,pod-west-1,support_hours,100.00
        pod-west-1,pod-south-1,lead,50.00

        """

    @Test func importedTradesMoveCreditsRowByRow() async throws {
        let store = try await LeadMarket.open("sqlite")
        let runtime = store.runtime
        let before = try await LeadMarket.credits(runtime)
        let report = try await runtime.importCSV(table: "trades", bytes: Array(Self.importedTrades.utf8), allOrNothing: false)
        #expect(report.created == 2)
        #expect(
            report.rejections == [
                RowRejection(line: 3, field: "price", message: "The paying account holds only 80.00, which is not enough for this amount.")
            ])
        var expected = before
        expected["pod-west-1"] = 28_000 - 20_000 + 5_000
        expected["pod-east-2"] = 80_000 + 20_000
        expected["pod-south-1"] = 60_000 - 5_000
        #expect(try await LeadMarket.credits(runtime) == expected)
        #expect(try await LeadMarket.trades(runtime).count == 3)
        try await store.close()
    }

    @Test func anAllOrNothingImportWithAnOverdraftWritesNothing() async throws {
        let store = try await LeadMarket.open("sqlite")
        let runtime = store.runtime
        let before = try await LeadMarket.credits(runtime)
        let report = try await runtime.importCSV(table: "trades", bytes: Array(Self.importedTrades.utf8), allOrNothing: true)
        #expect(report.created == 0)
        #expect(report.rejections.map(\.line) == [3])
        #expect(try await LeadMarket.credits(runtime) == before)
        #expect(try await LeadMarket.trades(runtime).count == 1)
        try await store.close()
    }
}
