import Foundation
import HummingbirdTesting
import Testing

/// Weights are tuned in the app file while the server runs: a checked change moves the next
/// forecast, a change that fails the check is refused and the last good weights keep serving.
@Suite struct ForecastLiveWeightTests {
    /// The served report's weights, revision and forecasts.
    static func served(_ client: some TestClientProtocol) async throws -> (weights: [String: Double], revision: String, forecasts: [String: [Double]]) {
        let text = try await client.execute(uri: ForecastWorkspace.api, method: .get, headers: ForecastWorkspace.admin) { response in
            #expect(response.status == .ok, "\(response.text)")
            return response.text
        }
        let json = try ForecastWorkspace.object(text)
        var weights: [String: Double] = [:]
        for case let weight as [String: Any] in json["weights"] as? [Any] ?? [] {
            if let driver = weight["driver"] as? String { weights[driver] = (weight["weight"] as? NSNumber)?.doubleValue }
        }
        return (weights, json["revision"] as? String ?? "", ForecastWorkspace.forecasts(json))
    }

    @Test func anEditedWeightMovesTheNextForecastWithoutARestart() async throws {
        let workspace = try await ForecastWorkspace()
        try await workspace.test { client in
            let before = try await Self.served(client)
            #expect(before.weights == ["promo": 0.1])
            #expect(before.forecasts.keys.sorted() == ["east", "west"])

            try workspace.rewrite(ForecastWorkspace.yaml(weight: "0.3"))
            await workspace.reloader.reload()
            #expect(workspace.reported.all.contains { $0.hasPrefix("reload: app 'shop-forecast' reloaded") })

            let after = try await Self.served(client)
            #expect(after.weights == ["promo": 0.3])
            #expect(after.revision != before.revision)
            #expect(after.revision == (try workspace.runtime.definition.revision))
            #expect(after.forecasts.keys.sorted() == ["east", "west"])
            #expect(after.forecasts != before.forecasts, "\(after.forecasts) vs \(before.forecasts)")
        }
    }

    @Test func aWeightOutsideItsBoundsIsRefusedAndTheOldOneKeepsServing() async throws {
        let workspace = try await ForecastWorkspace()
        try await workspace.test { client in
            let before = try await Self.served(client)

            try workspace.rewrite(ForecastWorkspace.yaml(weight: "0.9"))
            await workspace.reloader.reload()
            let reported = workspace.reported.all.joined(separator: "\n")
            #expect(reported.contains("has errors; the app keeps running as it was"), "\(reported)")
            #expect(reported.contains("app.yaml:23:"), "\(reported)")
            #expect(reported.contains("the weight 0.9 of driver 'promo' is outside its bounds [0, 0.4]"), "\(reported)")

            let after = try await Self.served(client)
            #expect(after.weights == ["promo": 0.1])
            #expect(after.revision == before.revision)
            #expect(after.forecasts == before.forecasts)
        }
    }
}
