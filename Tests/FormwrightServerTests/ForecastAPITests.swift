import FormwrightRuntime
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// `GET /api/v1/apps/{app}/forecasts/{name}`: the run's report as JSON, errors as on the other routes.
@Suite struct ForecastAPITests {
    @Test func answersTheReportWithTheRuntimesNumbers() async throws {
        let workspace = try await ForecastWorkspace()
        let runtime = try workspace.runtime
        try await workspace.test { client in
            let text = try await client.execute(uri: ForecastWorkspace.api, method: .get, headers: ForecastWorkspace.admin) { response in
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                return response.text
            }
            let own = try await runtime.forecast(ForecastWorkspace.forecast)
            let json = try ForecastWorkspace.object(text)
            #expect(json["forecast"] as? String == "weekly_sales")
            #expect(json["title"] as? String == "Weekly sales")
            #expect(json["revision"] as? String == runtime.definition.revision)
            #expect(json["history"] as? [String] == own.history)
            #expect(json["periods"] as? [String] == own.periods)
            #expect(own.periods.count == 3)
            let weights = try #require(json["weights"] as? [[String: Any]])
            #expect(weights.count == 1)
            #expect(weights.first?["driver"] as? String == "promo")
            #expect(weights.first?["weight"] as? Double == 0.1)
            let credibility = try #require(json["credibility"] as? [String: Any])
            #expect(credibility["definition"] as? String == own.credibility.definition)

            let groups = try #require(json["groups"] as? [[String: Any]])
            #expect(groups.compactMap { $0["label"] as? String } == own.groups.map(\.label))
            #expect(own.groups.map(\.label) == ["east", "west"])
            let forecasts = ForecastWorkspace.forecasts(json)
            for group in own.groups {
                let served = try #require(forecasts[group.label])
                #expect(served.count == group.forecast.count)
                for (a, b) in zip(served, group.forecast) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(group.label): \(served) vs \(group.forecast)") }
                let json = try #require(groups.first { $0["label"] as? String == group.label })
                #expect((json["actuals"] as? [Any])?.count == own.history.count)
                let tracks = (json["backtest"] as? [[String: Any]] ?? []).compactMap { $0["track"] as? String }
                #expect(tracks == group.tracks.map(\.name))
                #expect(tracks.first == "model")
                let colour = (json["credibility"] as? [String: Any])?["colour"] as? String
                #expect(colour == group.credibility.colour.rawValue)
            }
            let scenarios = try #require(json["scenarios"] as? [[String: Any]])
            #expect(scenarios.compactMap { $0["name"] as? String } == ["east_promo_up"])
        }
    }

    @Test func runsOneScenarioWhenAsked() async throws {
        let workspace = try await ForecastWorkspace()
        try await workspace.test { client in
            let text = try await client.execute(uri: ForecastWorkspace.api + "?scenario=east_promo_up", method: .get, headers: ForecastWorkspace.admin) {
                #expect($0.status == .ok, "\($0.text)")
                return $0.text
            }
            let scenarios = try #require(try ForecastWorkspace.object(text)["scenarios"] as? [[String: Any]])
            #expect(scenarios.compactMap { $0["name"] as? String } == ["east_promo_up"])
        }
    }

    @Test func anUnknownForecastIs404WithTheRuntimesMessage() async throws {
        let workspace = try await ForecastWorkspace()
        let runtime = try workspace.runtime
        let expected = try await #require(throws: RuntimeError.self) { try await runtime.forecast("weekly_sale") }
        #expect(expected.kind == .notFound)
        #expect(expected.message.contains("weekly_sales"))
        try await workspace.test { client in
            try await client.execute(uri: "/api/v1/apps/shop-forecast/forecasts/weekly_sale", method: .get, headers: ForecastWorkspace.admin) { response in
                #expect(response.status == .notFound)
                let error = try #require(try ForecastWorkspace.object(response.text)["error"] as? [String: Any])
                #expect(error["id"] as? String == "not_found")
                #expect(error["message"] as? String == expected.message)
            }
        }
    }

    @Test func anUnknownScenarioIs404WithTheRuntimesMessage() async throws {
        let workspace = try await ForecastWorkspace()
        let runtime = try workspace.runtime
        let expected = try await #require(throws: RuntimeError.self) {
            try await runtime.forecast(ForecastWorkspace.forecast, scenario: "east_promo_upp")
        }
        #expect(expected.kind == .notFound)
        try await workspace.test { client in
            try await client.execute(uri: ForecastWorkspace.api + "?scenario=east_promo_upp", method: .get, headers: ForecastWorkspace.admin) { response in
                #expect(response.status == .notFound)
                let error = try #require(try ForecastWorkspace.object(response.text)["error"] as? [String: Any])
                #expect(error["id"] as? String == "not_found")
                #expect(error["message"] as? String == expected.message)
            }
        }
    }

    @Test func aForecastWithoutDataIsABadRequestWithTheRuntimesMessage() async throws {
        let workspace = try await ForecastWorkspace(seeded: false)
        let runtime = try workspace.runtime
        let expected = try await #require(throws: RuntimeError.self) { try await runtime.forecast(ForecastWorkspace.forecast) }
        #expect(expected.kind == .badRequest)
        try await workspace.test { client in
            try await client.execute(uri: ForecastWorkspace.api, method: .get, headers: ForecastWorkspace.admin) { response in
                #expect(response.status == .badRequest)
                let error = try #require(try ForecastWorkspace.object(response.text)["error"] as? [String: Any])
                #expect(error["id"] as? String == "bad_request")
                #expect(error["message"] as? String == expected.message)
            }
            try await client.execute(uri: ForecastWorkspace.page, method: .get, headers: ForecastWorkspace.admin) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains(ForecastPageTests.escaped(expected.message)))
                #expect(!response.text.contains("<svg"))
            }
        }
    }

    @Test func needsAToken() async throws {
        let workspace = try await ForecastWorkspace()
        try await workspace.test { client in
            for headers: HTTPFields in [[:], [.authorization: "Bearer wrong-token"]] {
                try await client.execute(uri: ForecastWorkspace.api, method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.text.contains("\"id\":\"unauthorized\""))
                    #expect(!response.text.contains("weekly_sales"))
                }
            }
        }
        #expect(workspace.logged.all.allSatisfy { !$0.contains("forecast run") })
    }

    @Test func logsWhatEachRunUsed() async throws {
        let workspace = try await ForecastWorkspace()
        let revision = try workspace.runtime.definition.revision
        try await workspace.test { client in
            try await client.execute(uri: ForecastWorkspace.api + "?scenario=east_promo_up", method: .get, headers: ForecastWorkspace.admin) {
                #expect($0.status == .ok)
            }
        }
        let lines = workspace.logged.all.filter { $0.contains("\"message\":\"forecast run\"") }
        #expect(lines.count == 1)
        let line = try ForecastWorkspace.object(try #require(lines.first))
        #expect(line["level"] as? String == "info")
        #expect(line["forecast"] as? String == "weekly_sales")
        #expect(line["revision"] as? String == revision)
        #expect(line["scenario"] as? String == "east_promo_up")
        #expect(line["weights"] as? String == "promo=0.1")
    }
}
