import FormwrightCore
import FormwrightRuntime
import FormwrightStorage
import Testing

/// Many traders at once: no pod's credits go below 0 in any state read meanwhile, the total never
/// changes, and every balance is what was issued plus what the stored trades moved.
@Suite struct LedgerConcurrencyTests {
    /// What one trader saw.
    struct Tally: Sendable {
        var accepted = 0
        var refused = 0
        var busy = 0
    }

    /// Tells the observer the traders are done.
    actor Finish {
        var isDone = false
        func done() { isDone = true }
    }

    static let pods = LeadMarket.issued.keys.sorted()
    static let traders = 8
    static let tradesEach = 50

    @Test(arguments: LeadMarket.backends)
    func concurrentTradersNeverOverdrawOrChangeTheTotal(backend: String) async throws {
        let store = try await LeadMarket.open(backend)
        let runtime = store.runtime
        let total = LeadMarket.issued.values.reduce(0, +)
        let finish = Finish()
        let observer = Task { try await Self.observe(runtime, total: total, until: finish) }
        let tallies = try await withThrowingTaskGroup(of: Tally.self) { group in
            for _ in 0..<Self.traders {
                group.addTask { try await Self.trade(on: runtime, times: Self.tradesEach) }
            }
            var tallies: [Tally] = []
            for try await tally in group { tallies.append(tally) }
            return tallies
        }
        await finish.done()
        let observed = try await observer.value
        let accepted = tallies.map(\.accepted).reduce(0, +)
        let refused = tallies.map(\.refused).reduce(0, +)
        #expect(accepted + refused + tallies.map(\.busy).reduce(0, +) == Self.traders * Self.tradesEach)
        #expect(accepted > 0)
        #expect(refused > 0)
        #expect(observed > 0)

        let credits = try await LeadMarket.credits(runtime)
        #expect(credits.values.reduce(0, +) == total)
        #expect(credits.values.allSatisfy { $0 >= 0 })
        let trades = try await LeadMarket.trades(runtime)
        #expect(trades.count == 1 + accepted)
        var expected = LeadMarket.issued
        for trade in trades {
            guard case .string(let buyer)? = trade.fields["buyer"], case .string(let seller)? = trade.fields["seller"],
                case .int(let price)? = trade.fields["price"]
            else {
                Issue.record("trade \(trade.id) is incomplete: \(trade.fields)")
                continue
            }
            expected[buyer, default: 0] -= price
            expected[seller, default: 0] += price
        }
        #expect(credits == expected)
        try await store.close()
    }

    /// One trader: random trades among the pods, a quarter of them far above what any pod holds.
    static func trade(on runtime: AppRuntime, times: Int) async throws -> Tally {
        var tally = Tally()
        for index in 0..<times {
            let buyer = pods.randomElement() ?? "pod-east-1"
            let seller = pods.filter { $0 != buyer }.randomElement() ?? "pod-east-2"
            let cents = index % 4 == 0 ? 500_000 : Int.random(in: 100...40_000)
            let price = "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
            do {
                _ = try await runtime.create(table: "trades", input: LeadMarket.trade(seller: seller, buyer: buyer, price: price))
                tally.accepted += 1
            } catch let rejected as SubmissionRejected {
                let fields = rejected.errors.map(\.field)
                #expect(fields == ["price"], "\(rejected)")
                if case .insufficientBalance? = rejected.errors.first?.problem {} else { Issue.record("unexpected refusal \(rejected)") }
                tally.refused += 1
            } catch let error as RuntimeError where error.kind == .busy {
                tally.busy += 1
            }
        }
        return tally
    }

    /// Reads every pod's credits again and again until the traders are done, each time in one
    /// query, and checks each state read: no balance below 0, the total unchanged. Returns how
    /// many states it read.
    static func observe(_ runtime: AppRuntime, total: Int64, until finish: Finish) async throws -> Int {
        var reads = 0
        repeat {
            let credits = try await LeadMarket.credits(runtime)
            #expect(credits.count == pods.count)
            #expect(credits.values.allSatisfy { $0 >= 0 }, "\(credits)")
            #expect(credits.values.reduce(0, +) == total, "\(credits)")
            reads += 1
            await Task.yield()
        } while await !finish.isDone
        return reads
    }
}
