import Foundation
import Testing

/// `formwright serve apps/lead-market`: pods trading at once over HTTP never overdraw, the total of
/// their credits never changes, and trades cannot be deleted.
@Suite struct LeadMarketServeTests {
    static let token = "lead-market-admin-token-0123456789"
    static let pods = ["pod-east-1", "pod-east-2", "pod-north-1", "pod-south-1", "pod-west-1"]
    /// `data/pods.csv`, in cents.
    static let issued = ["pod-east-1": 100_000, "pod-east-2": 80_000, "pod-north-1": 120_000, "pod-south-1": 60_000, "pod-west-1": 40_000]

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// "12.50" as 1250.
    static func cents(_ value: Any?) -> Int? {
        guard let text = value as? String, let amount = Decimal(string: text) else { return nil }
        return NSDecimalNumber(decimal: amount * 100).intValue
    }

    static func records(_ server: ServerProcess, _ table: String) async throws -> [[String: Any]] {
        let page = try await server.request("GET", "api/v1/apps/lead-market/tables/\(table)/records?limit=500", token: token)
        #expect(page.status == 200, "\(page.body)")
        return try #require(try json(page.body)["records"] as? [[String: Any]])
    }

    static func fields(_ record: [String: Any]) -> [String: Any] {
        record["fields"] as? [String: Any] ?? record
    }

    @Test func concurrentTradesOverHTTPKeepTheLedgerWhole() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lead-market-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await ServerProcess.start(
            arguments: ["apps/lead-market", "--store", "sqlite:\(folder.path)/data.sqlite"], token: Self.token)
        defer { _ = server.stop() }

        let outcomes = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var statuses: [Int] = []
                    for index in 0..<15 {
                        let buyer = Self.pods.randomElement() ?? "pod-west-1"
                        let seller = Self.pods.filter { $0 != buyer }.randomElement() ?? "pod-east-1"
                        let price = index % 3 == 0 ? "9000.00" : "\(Int.random(in: 1...300)).00"
                        let body = #"{"seller":"\#(seller)","buyer":"\#(buyer)","item":"lead","price":"\#(price)"}"#
                        let response = try await server.request(
                            "POST", "api/v1/apps/lead-market/forms/trade/submissions", token: Self.token, body: body)
                        if response.status == 422 {
                            #expect(response.body.contains(#""field":"price""#), "\(response.body)")
                            #expect(response.body.contains("The paying account holds only "), "\(response.body)")
                        }
                        statuses.append(response.status)
                    }
                    return statuses
                }
            }
            var all: [Int] = []
            for try await statuses in group { all += statuses }
            return all
        }
        #expect(outcomes.allSatisfy { $0 == 201 || $0 == 422 }, "\(outcomes)")
        #expect(outcomes.contains(201))
        #expect(outcomes.contains(422))

        var expected = Self.issued
        let trades = try await Self.records(server, "trades")
        #expect(trades.count == 1 + outcomes.filter { $0 == 201 }.count)
        for trade in trades {
            let fields = Self.fields(trade)
            guard let buyer = fields["buyer"] as? String, let seller = fields["seller"] as? String, let price = Self.cents(fields["price"]) else {
                Issue.record("trade is incomplete: \(trade)")
                continue
            }
            expected[buyer, default: 0] -= price
            expected[seller, default: 0] += price
        }
        var credits: [String: Int] = [:]
        for pod in try await Self.records(server, "pods") {
            let fields = Self.fields(pod)
            credits[pod["id"] as? String ?? ""] = Self.cents(fields["credits"])
        }
        #expect(credits == expected)
        #expect(credits.values.reduce(0, +) == Self.issued.values.reduce(0, +))
        #expect(credits.values.allSatisfy { $0 >= 0 })

        let first = try #require(trades.first?["id"] as? String)
        let deletion = try await server.request("DELETE", "api/v1/apps/lead-market/tables/trades/records/\(first)", token: Self.token)
        #expect(deletion.status == 409, "\(deletion.body)")
        #expect(deletion.body.contains("are ledger entries and cannot be deleted"))
        #expect(try await Self.records(server, "trades").count == trades.count)
        #expect(server.stop() == 0)
    }
}
